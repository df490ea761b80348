// The LLM request for a claimed row: the batch's template rendered by the batch kind that renders
// its template kind (the problem with the few-shot set its source calls for, or for the judge the
// pair in the row's order); seed = seedBase + sampleIndex. Requests with the same render key (a
// problem's N samples) share one rendering (a small cache).
import type { RequestSource } from "@/lib/generation/batch-kinds/batch-kind";
import { kindRendering } from "@/lib/generation/batch-kinds/registry";
import type { GenerateRequest } from "@/lib/generation/llm-client/create-llm-client";
import type { PromptTemplate, RenderedPrompt } from "@/lib/generation/prompts/prompt-template";

export interface SamplingSettings {
  template: PromptTemplate;
  temperature: number;
  topP: number;
  maxTokens: number;
  seedBase: number;
}

export function createRequestBuilder(settings: SamplingSettings, cacheSize = 512) {
  const kind = kindRendering(settings.template.kind);
  const cache = new Map<string, RenderedPrompt>();
  return (request: RequestSource): GenerateRequest => {
    const key = kind.renderKey(request);
    let rendered = cache.get(key);
    if (!rendered) {
      rendered = kind.render(settings.template, request);
      if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
      cache.set(key, rendered);
    }
    const sampling = { seed: settings.seedBase + request.sampleIndex, temperature: settings.temperature, topP: settings.topP, maxTokens: settings.maxTokens };
    return rendered.api === "completions"
      ? { prompt: rendered.prompt, stop: rendered.stop, ...sampling }
      : { messages: rendered.messages, ...(rendered.stop ? { stop: rendered.stop } : {}), ...sampling };
  };
}
