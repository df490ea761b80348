"use client";
// Disable/enable a template name, and delete it when no batch ran with it and Boxed does not ship
// it (the server checks both again; the button only hides what would be refused).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { deleteTemplateAction, setTemplateDisabledAction } from "./actions";

export function TemplateRetire({ name, disabled, deletable }: { name: string; disabled: boolean; deletable: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function act(action: "toggle" | "delete") {
    if (action === "delete" && !window.confirm(`Delete every version of template ${name}? No batch used it; this cannot be undone.`)) return;
    setError(null);
    const result = action === "delete" ? await deleteTemplateAction({ name }) : await setTemplateDisabledAction({ name, disabled: !disabled });
    if (result.ok) router.refresh();
    else setError(result.error);
  }
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Button onClick={() => void act("toggle")} aria-label={`${disabled ? "Enable" : "Disable"} template ${name}`} size="sm">
        {disabled ? "Enable" : "Disable"}
      </Button>
      {deletable && (
        <Button onClick={() => void act("delete")} aria-label={`Delete template ${name}`} variant="danger-outline" size="sm">
          Delete
        </Button>
      )}
      {error && (
        <span role="alert" className="text-xs text-rose-800">
          {error}
        </span>
      )}
    </span>
  );
}
