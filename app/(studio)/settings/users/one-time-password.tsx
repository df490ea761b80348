// A password the server generated or was given, shown once: only its hash is stored, so the admin
// must copy it now.
import { Button } from "@/components/ui/button";

export function OneTimePassword({ email, password, onDismiss }: { email: string; password: string; onDismiss: () => void }) {
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <p>
        Password for <span className="font-medium">{email}</span>: <code className="select-all rounded bg-white px-1 font-mono">{password}</code>
      </p>
      <p className="mt-1 text-xs">Shown once; only its hash is stored. Hand it over securely.</p>
      <Button variant="link" size="sm" onClick={onDismiss} className="mt-1 font-medium">
        Done, hide it
      </Button>
    </div>
  );
}
