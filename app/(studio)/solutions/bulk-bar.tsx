"use client";
// Bulk actions on the selected rows or on everything matching the view. Nothing runs before the
// curator has seen the exact count the server computed and confirmed it; the work then runs as a
// job whose progress is shown here.
import { type ReactNode, useState } from "react";
import { BULK_ACTION_LABELS, BULK_ACTIONS, type BulkActionName, type BulkRequest } from "@/lib/solutions/bulk-action";
import { solutionViewParams } from "@/lib/solutions/solution-view";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Select } from "@/components/ui/field";
import { previewBulk, startBulk } from "./actions";
import { useSolutionView } from "./use-solution-view";

type Stage = { kind: "idle" } | { kind: "counting" } | { kind: "confirm"; request: BulkRequest; count: number; maxId: number } | { kind: "error"; message: string };

export function BulkBar(props: {
  selectedIds: number[];
  allMatching: boolean;
  pageFullySelected: boolean;
  onSelectAllMatching: () => void;
  onClear: () => void;
  queues: { id: number; name: string }[];
  matchCount: ReactNode;
  onStarted: (taskId: number) => void;
}) {
  const { view } = useSolutionView();
  const [stage, setStage] = useState<Stage>({ kind: "idle" });
  const [queueId, setQueueId] = useState<number | "">(props.queues[0]?.id ?? "");

  const requestFor = (action: BulkActionName): BulkRequest => ({
    action,
    target: props.allMatching ? { kind: "filter", query: solutionViewParams({ filter: view.filter, sort: view.sort, columns: null }).toString() } : { kind: "ids", ids: props.selectedIds },
    queueId: action === "add_to_queue" && queueId !== "" ? queueId : undefined,
  });

  const preview = async (action: BulkActionName) => {
    setStage({ kind: "counting" });
    const request = requestFor(action);
    const result = await previewBulk(request);
    if (!result.ok) setStage({ kind: "error", message: result.error });
    else setStage({ kind: "confirm", request, count: result.data.count, maxId: result.data.maxId });
  };

  const confirm = async () => {
    if (stage.kind !== "confirm") return;
    const result = await startBulk({ request: stage.request, confirmedCount: stage.count, maxId: stage.maxId });
    if (!result.ok) setStage({ kind: "error", message: result.error });
    else {
      setStage({ kind: "idle" });
      props.onStarted(result.data.taskId);
    }
  };

  return (
    <section aria-label="Bulk actions" className="space-y-2 rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">
          {props.allMatching ? <>Every solution matching this view is selected ({props.matchCount})</> : `${props.selectedIds.length} selected on this page`}
        </span>
        {props.pageFullySelected && !props.allMatching && (
          <Button onClick={props.onSelectAllMatching} variant="link">
            Select all matching solutions
          </Button>
        )}
        <Button onClick={props.onClear} variant="link">
          Clear selection
        </Button>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {BULK_ACTIONS.filter((a) => a !== "add_to_queue").map((action) => (
          <Button key={action} disabled={stage.kind === "counting"} onClick={() => preview(action)} size="sm">
            {BULK_ACTION_LABELS[action]}
          </Button>
        ))}
        <span className="ml-2 flex items-center gap-1">
          <Select
            aria-label="Review queue"
            className="w-auto"
            value={queueId}
            onChange={(e) => setQueueId(e.target.value === "" ? "" : Number(e.target.value))}
            options={props.queues.map((q) => ({ value: q.id, label: `${q.name} (#${q.id})` }))}
          >
            {props.queues.length === 0 && <option value="">no queues yet</option>}
          </Select>
          <Button disabled={queueId === "" || stage.kind === "counting"} onClick={() => preview("add_to_queue")} size="sm">
            {BULK_ACTION_LABELS.add_to_queue}
          </Button>
        </span>
      </div>
      {stage.kind === "counting" && <p role="status">Counting the solutions this would change…</p>}
      {stage.kind === "error" && (
        <Alert tone="error">
          {stage.message}
        </Alert>
      )}
      {stage.kind === "confirm" && (
        <div role="alertdialog" aria-label="Confirm bulk action" className="rounded border border-amber-300 bg-amber-50 p-2">
          <p>
            {BULK_ACTION_LABELS[stage.request.action]} — this applies to <strong>{stage.count.toLocaleString("en-US")}</strong> solution{stage.count === 1 ? "" : "s"}
            {stage.request.target.kind === "filter" ? " matching the current filter" : ""}. It runs in the background and is recorded in the audit log.
          </p>
          <div className="mt-2 flex gap-2">
            <Button onClick={confirm} disabled={stage.count === 0} variant="primary">
              Confirm {stage.count.toLocaleString("en-US")}
            </Button>
            <Button onClick={() => setStage({ kind: "idle" })}>
              Cancel
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
