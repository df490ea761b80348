// Test helper: the ImportError a promise rejects with (the test fails if it resolves or throws anything else).
import { expect } from "vitest";
import { ImportError } from "@/lib/datasets/formats/import-error";

export async function caught(promise: Promise<unknown>): Promise<ImportError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error("expected an ImportError");
}
