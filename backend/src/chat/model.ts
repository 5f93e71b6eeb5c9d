// The assistant's model: an OpenAI-compatible chat model when OPENAI_API_KEY is set, the builtin deterministic
// model otherwise. Both are AI SDK language models, so the agent loop after this point is the same code.
import { createOpenAI } from "@ai-sdk/openai";
import { type LanguageModel, simulateStreamingMiddleware, wrapLanguageModel } from "ai";
import type { Config } from "../config";
import { BuiltinModel } from "./builtin-model";

export interface ChatModel {
  model: LanguageModel;
  kind: "builtin" | "openai";
}

export function createChatModel(config: Config): ChatModel {
  if (config.openai.apiKey) {
    const provider = createOpenAI({ apiKey: config.openai.apiKey, baseURL: config.openai.baseUrl });
    return { model: provider.chat(config.openai.model), kind: "openai" };
  }
  return {
    model: wrapLanguageModel({ model: new BuiltinModel(), middleware: simulateStreamingMiddleware() }),
    kind: "builtin",
  };
}
