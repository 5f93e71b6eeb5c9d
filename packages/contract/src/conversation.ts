// The assistant's conversations: one chat turn's input and answer, and the stored messages.
import { z } from "zod";
import { LIMITS } from "./limits";
import { NO_NUL, NO_NUL_MESSAGE } from "./text";
import { TimeZone } from "./time-zone";

export const ChatInput = z.strictObject({
  message: z
    .string()
    .regex(NO_NUL, `message ${NO_NUL_MESSAGE}`)
    .trim()
    .min(1, "message must not be empty")
    .max(LIMITS.chatMessage, `message must be at most ${LIMITS.chatMessage} characters`)
    .meta({ example: "remind me to call the dentist tomorrow at 9am" }),
  conversation_id: z.uuid("conversation_id must be a conversation id").optional(),
  timezone: TimeZone.optional().meta({ description: "IANA time zone dates are resolved in", example: "Europe/Paris" }),
});
export type ChatInput = z.output<typeof ChatInput>;

export const ToolCallRecord = z.object({ name: z.string(), arguments: z.unknown(), result: z.unknown() });
export type ToolCallRecord = z.infer<typeof ToolCallRecord>;

export const ChatResponse = z.object({
  conversation_id: z.string(),
  response: z.string(),
  tool_calls: z.array(ToolCallRecord),
});
export type ChatResponse = z.infer<typeof ChatResponse>;

export const MESSAGE_ROLES = ["user", "assistant"] as const;

export const Message = z.object({
  id: z.string(),
  role: z.enum(MESSAGE_ROLES),
  content: z.string(),
  tool_calls: z.array(ToolCallRecord),
  created_at: z.string(),
});
export type Message = z.infer<typeof Message>;

export const Conversation = z.object({
  id: z.string(),
  title: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Conversation = z.infer<typeof Conversation>;

export const ConversationWithMessages = Conversation.extend({ messages: z.array(Message) });
export type ConversationWithMessages = z.infer<typeof ConversationWithMessages>;
