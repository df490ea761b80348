// The studio's one "Launch a batch" action, shown only to the roles that may launch
// (batches.launch): on the batches page and over the dashboard's running batches.
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { can, type RoleName } from "@/lib/auth/permissions";
import { BATCH_LAUNCH_PATH } from "@/lib/dashboard/find-active-batches";

export function LaunchBatchLink({ role }: { role: RoleName }) {
  if (!can(role, "batches.launch")) return null;
  return (
    <Link href={BATCH_LAUNCH_PATH} className={buttonClass({ variant: "primary" })}>
      Launch a batch
    </Link>
  );
}
