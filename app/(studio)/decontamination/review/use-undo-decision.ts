"use client";
// Undo of this tab's decisions (z): a stack in sessionStorage, so it survives moving between
// problems and reloading, and is per user. Used by the workspace and by the empty queue (the last
// decision often empties it).
import { useRouter } from "next/navigation";
import { useCallback, useTransition } from "react";
import { undoContaminationDecisionAction } from "./actions";

const UNDO_KEY = "boxed.decontam.undo";

export interface UndoEntry {
  decisionId: number;
  problemId: number;
  decision: string;
  userId: number;
}

function readUndo(userId: number): UndoEntry[] {
  try {
    return (JSON.parse(sessionStorage.getItem(UNDO_KEY) ?? "[]") as UndoEntry[]).filter((e) => e.userId === userId);
  } catch {
    return [];
  }
}

export function rememberDecision(entry: UndoEntry): void {
  sessionStorage.setItem(UNDO_KEY, JSON.stringify([...readUndo(entry.userId), entry].slice(-50)));
}

export function useUndoDecision(userId: number, report: (message: { ok: boolean; text: string }) => void) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const undo = useCallback(() => {
    const stack = readUndo(userId);
    const last = stack.at(-1);
    if (!last) {
      report({ ok: false, text: "Nothing to undo: no decision made in this tab." });
      return;
    }
    start(async () => {
      const result = await undoContaminationDecisionAction({ decisionId: last.decisionId });
      sessionStorage.setItem(UNDO_KEY, JSON.stringify(stack.slice(0, -1)));
      if (!result.ok) {
        report({ ok: false, text: result.error });
        return;
      }
      router.push(`/decontamination/review?problem=${last.problemId}&notice=undone-${last.problemId}-${result.data.status}`);
      router.refresh();
    });
  }, [userId, report, router]);
  return { undo, pending };
}
