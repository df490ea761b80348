import Link from "next/link";
import { ACTIONS, type ActionName } from "@/lib/auth/permissions";

export default async function ForbiddenPage({ searchParams }: { searchParams: Promise<{ action?: string }> }) {
  const { action } = await searchParams;
  const rule = action && action in ACTIONS ? ACTIONS[action as ActionName] : null;
  return (
    <main className="mx-auto max-w-lg p-10">
      <h1 className="text-xl font-semibold">Not allowed</h1>
      <p className="mt-2 text-slate-600">
        {rule ? `“${rule.what}” needs the ${rule.minimum} role or higher.` : "Your role does not allow this page."} Ask an admin if you need it.
      </p>
      <Link href="/" className="mt-4 inline-block text-sm font-medium text-blue-700 hover:underline">
        Back to the dashboard
      </Link>
    </main>
  );
}
