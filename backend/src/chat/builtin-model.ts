// The builtin model as an AI SDK language model: it reads the conversation the agent loop hands it, asks the
// assistant's planner for the next tool calls or the answer, and returns them exactly as an LLM provider would.
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3GenerateResult,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
} from "@ai-sdk/provider";
import { type PlanInput, planTurn, type ToolOutcome } from "@todo/assistant/planner/builtin-planner";

export interface BuiltinProviderOptions {
  timeZone: string;
  /** ISO time of the turn, so every step of one turn resolves "tomorrow" the same way. */
  now: string;
  pending: PlanInput["pending"];
}

const USAGE = {
  inputTokens: { total: 0, noCache: 0, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 0, text: 0, reasoning: 0 },
};

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .filter((p): p is { type: "text"; text: string } => p?.type === "text")
    .map((p) => p.text)
    .join("\n");
}

/** A tool's output as the planner wants it: JSON when the tool succeeded, the sentence when it failed. */
function readOutput(output: unknown): { ok: boolean; value?: unknown; error?: string } {
  const o = output as { type?: string; value?: unknown };
  let text: string | undefined;
  let isError = o?.type === "error-text" || o?.type === "error-json";
  if (o?.type === "text" || o?.type === "error-text") text = String(o.value);
  else if (o?.type === "content") text = textOf(o.value);
  else if (o?.type === "json" || o?.type === "error-json") {
    const v = o.value as { content?: unknown; isError?: boolean };
    if (v && typeof v === "object" && "content" in v) {
      text = textOf(v.content);
      isError ||= v.isError === true;
    } else return isError ? { ok: false, error: JSON.stringify(o.value) } : { ok: true, value: o.value };
  } else if (o?.type === "execution-denied") return { ok: false, error: "The tool call was refused" };
  if (text === undefined) return { ok: false, error: "The tool returned nothing" };
  if (isError) return { ok: false, error: text };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    // Our tools answer JSON on success and a plain sentence on failure.
    return { ok: false, error: text };
  }
}

/** The exchange before the latest message: the person's previous message and the answer it got. */
function previousExchange(prompt: LanguageModelV3Prompt, lastUser: number): PlanInput["previous"] {
  let answerAt = -1;
  for (let i = lastUser - 1; i >= 0 && answerAt < 0; i--) if (prompt[i]!.role === "assistant") answerAt = i;
  if (answerAt < 0) return null;
  for (let i = answerAt - 1; i >= 0; i--) {
    if (prompt[i]!.role === "user") {
      return { message: textOf(prompt[i]!.content), answer: textOf(prompt[answerAt]!.content) };
    }
  }
  return null;
}

/** The person's latest message, the exchange before it, and the tool calls made since it with their results. */
export function readTurn(prompt: LanguageModelV3Prompt): {
  message: string;
  outcomes: ToolOutcome[];
  previous: PlanInput["previous"];
} {
  let lastUser = -1;
  prompt.forEach((m, i) => {
    if (m.role === "user") lastUser = i;
  });
  const message = lastUser >= 0 ? textOf(prompt[lastUser]!.content) : "";
  const previous = lastUser > 0 ? previousExchange(prompt, lastUser) : null;
  const calls = new Map<string, ToolOutcome>();
  const outcomes: ToolOutcome[] = [];
  for (const m of prompt.slice(lastUser + 1)) {
    if (m.role === "assistant") {
      for (const part of m.content) {
        if (part.type === "tool-call") {
          const outcome: ToolOutcome = {
            name: part.toolName,
            args: (part.input ?? {}) as Record<string, unknown>,
            ok: false,
          };
          calls.set(part.toolCallId, outcome);
          outcomes.push(outcome);
        }
      }
    } else if (m.role === "tool") {
      for (const part of m.content) {
        if (part.type !== "tool-result") continue;
        const outcome = calls.get(part.toolCallId);
        if (outcome) Object.assign(outcome, readOutput(part.output));
      }
    }
  }
  return { message, outcomes, previous };
}

export class BuiltinModel implements LanguageModelV3 {
  readonly specificationVersion = "v3" as const;
  readonly provider = "todo-app";
  readonly modelId = "builtin";
  readonly supportedUrls = {};
  private calls = 0;

  async doGenerate(options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    const settings = options.providerOptions?.builtin as unknown as BuiltinProviderOptions | undefined;
    const { message, outcomes, previous } = readTurn(options.prompt);
    const plan = planTurn({
      message,
      outcomes,
      previous,
      timeZone: settings?.timeZone ?? "UTC",
      now: settings?.now ? new Date(settings.now) : new Date(),
      pending: settings?.pending ?? null,
    });
    if (plan.type === "call") {
      const content: LanguageModelV3Content[] = plan.calls.map((c) => ({
        type: "tool-call",
        toolCallId: `builtin-${Date.now().toString(36)}-${++this.calls}`,
        toolName: c.name,
        input: JSON.stringify(c.args),
      }));
      return { content, finishReason: { unified: "tool-calls", raw: undefined }, usage: USAGE, warnings: [] };
    }
    return {
      content: [{ type: "text", text: plan.text }],
      finishReason: { unified: "stop", raw: undefined },
      usage: USAGE,
      warnings: [],
    };
  }

  async doStream(options: LanguageModelV3CallOptions) {
    // Wrapped with simulateStreamingMiddleware in model.ts; this is the plain fallback.
    const result = await this.doGenerate(options);
    const stream = new ReadableStream<LanguageModelV3StreamPart>({
      start(controller) {
        controller.enqueue({ type: "stream-start", warnings: [] });
        for (const part of result.content) {
          if (part.type === "text") {
            controller.enqueue({ type: "text-start", id: "t" });
            controller.enqueue({ type: "text-delta", id: "t", delta: part.text });
            controller.enqueue({ type: "text-end", id: "t" });
          } else if (part.type === "tool-call") controller.enqueue(part);
        }
        controller.enqueue({ type: "finish", finishReason: result.finishReason, usage: result.usage });
        controller.close();
      },
    });
    return { stream };
  }
}
