// A password the server generated or was given, shown once: only its hash is stored, so the admin
// must copy it now.
export function OneTimePassword({ email, password, onDismiss }: { email: string; password: string; onDismiss: () => void }) {
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <p>
        Password for <span className="font-medium">{email}</span>: <code className="select-all rounded bg-white px-1 font-mono">{password}</code>
      </p>
      <p className="mt-1 text-xs">Shown once; only its hash is stored. Hand it over securely.</p>
      <button type="button" onClick={onDismiss} className="mt-1 text-xs font-medium text-amber-900 underline">
        Done, hide it
      </button>
    </div>
  );
}
