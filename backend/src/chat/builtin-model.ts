// The builtin model as an AI SDK language model: it reads the person's message and this turn's tool results (their
// structured outputs) from the prompt the agent loop hands it, and the previous dialogue state from its provider
// options; asks the assistant's planner for the next tool calls or the answer; and returns them exactly as an LLM
// provider would, with what the answer says about the dialogue in its provider metadata.
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3GenerateResult,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
} from "@ai-sdk/provider";
import { type PlanInput, planTurn, type ToolOutcome } from "@todo/assistant/planner/builtin-planner";
import { type DialogueState, readDialogueState } from "@todo/contract/conversation";
import { AnyToolName, TOOLS, ToolError } from "@todo/contract/tools";
import type { Tool, ToolSet } from "ai";

export interface BuiltinProviderOptions {
  timeZone: string;
  /** ISO time of the turn, so every step of one turn resolves "tomorrow" the same way. */
  now: string;
  /** The dialogue state after the previous answer (validated when it was read from the database). */
  dialogue: DialogueState;
  /** The person's projects, read before the turn, so a project they name costs no tool call. */
  projects?: PlanInput["projects"];
}

/** Where the builtin model's final answer puts what it says about the dialogue (the agent reads it back). */
export const DIALOGUE_METADATA = { provider: "builtin", key: "dialogue" } as const;

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

/**
 * A tool's output as the planner wants it: the tool's structured output, checked against the contract, when it
 * succeeded; its coded error when it failed. The text of a result is never parsed.
 */
function readOutput(name: string, output: unknown): Pick<ToolOutcome, "ok" | "value" | "error"> {
  const o = output as { type?: string; value?: unknown };
  if (o?.type === "execution-denied")
    return { ok: false, error: { code: "forbidden", message: "The tool call was refused" } };
  if (o?.type !== "json" && o?.type !== "error-json" && o?.type !== "error-text") {
    return {
      ok: false,
      error: { code: "internal_error", message: "The tool returned nothing the assistant can read" },
    };
  }
  const result = (o.type === "error-text" ? {} : (o.value ?? {})) as { isError?: boolean; structuredContent?: unknown };
  if (o.type !== "json" || result.isError) {
    const failure = ToolError.safeParse(result.structuredContent);
    if (failure.success)
      return { ok: false, error: { code: failure.data.error.code, message: failure.data.error.message } };
    return { ok: false, error: { code: "internal_error", message: "The tool failed" } };
  }
  const tool = AnyToolName.safeParse(name);
  const parsed = tool.success ? TOOLS[tool.data].output.safeParse(result.structuredContent) : null;
  if (!parsed?.success)
    return { ok: false, error: { code: "internal_error", message: "The tool returned an unexpected result" } };
  return { ok: true, value: parsed.data };
}

/**
 * The tools as the builtin model reads their results: the whole MCP result (structuredContent and the error code
 * beside the text) instead of the text an LLM is given.
 */
export function withStructuredResults(tools: ToolSet): ToolSet {
  const out: ToolSet = {};
  for (const [name, t] of Object.entries(tools)) {
    out[name] = {
      ...t,
      toModelOutput: ({ output }: { output: unknown }) => ({ type: "json", value: output as never }),
    } as Tool;
  }
  return out;
}

/** The person's latest message and the tool calls made since it with their results. */
export function readTurn(prompt: LanguageModelV3Prompt): { message: string; outcomes: ToolOutcome[] } {
  let lastUser = -1;
  prompt.forEach((m, i) => {
    if (m.role === "user") lastUser = i;
  });
  const message = lastUser >= 0 ? textOf(prompt[lastUser]!.content) : "";
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
        if (outcome) Object.assign(outcome, readOutput(outcome.name, part.output));
      }
    }
  }
  return { message, outcomes };
}

export class BuiltinModel implements LanguageModelV3 {
  readonly specificationVersion = "v3" as const;
  readonly provider = "todo-app";
  readonly modelId = "builtin";
  readonly supportedUrls = {};
  private calls = 0;

  async doGenerate(options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    const settings = options.providerOptions?.builtin as unknown as BuiltinProviderOptions | undefined;
    const { message, outcomes } = readTurn(options.prompt);
    const plan = planTurn({
      message,
      outcomes,
      state: readDialogueState(settings?.dialogue),
      timeZone: settings?.timeZone ?? "UTC",
      now: settings?.now ? new Date(settings.now) : new Date(),
      ...(settings?.projects ? { projects: settings.projects } : {}),
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
      // What the answer says about the dialogue (tasks named, question asked, deletion pending), as plain JSON.
      providerMetadata: {
        [DIALOGUE_METADATA.provider]: { [DIALOGUE_METADATA.key]: JSON.parse(JSON.stringify(plan.said ?? {})) },
      },
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
