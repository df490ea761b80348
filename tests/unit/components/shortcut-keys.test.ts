import { describe, expect, it } from "vitest";
import { isTypingTarget } from "@/components/ui/shortcut-keys";

// Plain objects stand in for elements: the rule reads only tagName and isContentEditable.
const element = (tagName: string, isContentEditable = false) => ({ tagName, isContentEditable }) as unknown as EventTarget;

describe("isTypingTarget", () => {
  it("counts every control that takes text or a choice as typing", () => {
    for (const tag of ["INPUT", "TEXTAREA", "SELECT"]) expect(isTypingTarget(element(tag))).toBe(true);
  });

  it("counts editable content as typing, whatever its tag", () => {
    expect(isTypingTarget(element("DIV", true))).toBe(true);
    expect(isTypingTarget(element("P", true))).toBe(true);
  });

  it("leaves the page, buttons and links to the shortcuts", () => {
    for (const tag of ["BODY", "BUTTON", "A", "DIV", "SECTION"]) expect(isTypingTarget(element(tag))).toBe(false);
  });

  it("leaves no target, and targets that are not elements (the window), to the shortcuts", () => {
    expect(isTypingTarget(null)).toBe(false);
    expect(isTypingTarget({} as EventTarget)).toBe(false);
  });
});
