// The LLM request for a claimed row: the batch's template rendered with the problem (few-shot set
// chosen by the problem's source) or, for the judge, the pair in the row's order; seed =
// seedBase + sampleIndex. A problem's N samples share one rendering (a small cache).
import type { GenerateRequest } from "@/lib/generation/llm-client/create-llm-client";
import type { PromptTemplate, RenderedPrompt } from "@/lib/generation/prompts/prompt-template";
import { renderPrompt } from "@/lib/generation/prompts/render-prompt";
import { chooseFewShot } from "@/lib/generation/templates/choose-few-shot";

export interface RequestSource {
  problemId: number;
  sampleIndex: number;
  problemText: string;
  source: string;
  otherText: string | null;
}

export interface SamplingSettings {
  template: PromptTemplate;
  temperature: number;
  topP: number;
  maxTokens: number;
  seedBase: number;
}

/** Judge order: 0 asks (problem, benchmark), 1 asks (benchmark, problem). */
export const judgeOrder = (sampleIndex: number) => sampleIndex % 2;

export function renderFor(template: PromptTemplate, request: RequestSource): RenderedPrompt {
  if (template.kind === "judge") {
    const other = request.otherText ?? "";
    const forward = judgeOrder(request.sampleIndex) === 0;
    return renderPrompt(template, { problem_1: forward ? request.problemText : other, problem_2: forward ? other : request.problemText });
  }
  const fewShot = chooseFewShot(template.kind, request.source);
  return renderPrompt(template, { problem: request.problemText, examples: fewShot?.examples ?? [] });
}

export function createRequestBuilder(settings: SamplingSettings, cacheSize = 512) {
  const cache = new Map<string, RenderedPrompt>();
  return (request: RequestSource): GenerateRequest => {
    const key = settings.template.kind === "judge" ? `${request.problemId}:${request.sampleIndex}` : String(request.problemId);
    let rendered = cache.get(key);
    if (!rendered) {
      rendered = renderFor(settings.template, request);
      if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
      cache.set(key, rendered);
    }
    const sampling = { seed: settings.seedBase + request.sampleIndex, temperature: settings.temperature, topP: settings.topP, maxTokens: settings.maxTokens };
    return rendered.api === "completions"
      ? { prompt: rendered.prompt, stop: rendered.stop, ...sampling }
      : { messages: rendered.messages, ...(rendered.stop ? { stop: rendered.stop } : {}), ...sampling };
  };
}
