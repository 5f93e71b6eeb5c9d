// Chat routes: one turn (JSON), the streaming variant for the UI, and the stored conversations.
import { createRoute, z } from "@hono/zod-openapi";
import { RateLimitedError, validationErrorFrom } from "@todo/contract/errors";
import {
  ChatInput,
  deleteConversation,
  getConversation,
  listConversations,
} from "@todo/core/conversations/conversations.service";
import { RateLimiter } from "@todo/core/runtime/rate-limit";
import { createRouter, ErrorResponses, jsonContent, security } from "../http/openapi";
import { type AgentDeps, chat, chatStream } from "./agent";

const ToolCall = z.object({ name: z.string(), arguments: z.unknown(), result: z.unknown() });
const ChatResponse = z.object({ conversation_id: z.string(), response: z.string(), tool_calls: z.array(ToolCall) });
const Conversation = z.object({ id: z.string(), title: z.string(), created_at: z.string(), updated_at: z.string() });
const Message = z.object({
  id: z.string(),
  role: z.enum(["user", "assistant"]),
  content: z.string(),
  tool_calls: z.array(ToolCall),
  created_at: z.string(),
});
const IdParam = z.object({ id: z.string().meta({ param: { name: "id", in: "path" } }) });

/** The UI's chat hook sends {messages: [...UI messages], conversation_id, timezone}; take the last user text. */
const StreamInput = z.object({
  message: z.string().optional(),
  messages: z
    .array(
      z.object({
        role: z.string(),
        parts: z.array(z.object({ type: z.string(), text: z.string().optional() })).optional(),
      }),
    )
    .optional(),
  conversation_id: z.string().optional().nullable(),
  timezone: z.string().optional(),
});

function lastUserText(body: z.infer<typeof StreamInput>): string {
  if (body.message) return body.message;
  const last = [...(body.messages ?? [])].reverse().find((m) => m.role === "user");
  return (last?.parts ?? [])
    .filter((p) => p.type === "text")
    .map((p) => p.text ?? "")
    .join("\n");
}

export function chatRoutes(deps: AgentDeps) {
  const router = createRouter();
  // One user's turns per minute, in every replica together: a turn runs the model loop and several tool calls, so a client
  // looping on /chat is refused with 429 and Retry-After before it costs anything (issue 19).
  const turns = new RateLimiter(deps.db, "chat-turns", deps.config.chatTurnsPerMinute, 60_000);
  const startTurn = async (userId: string) => {
    const wait = await turns.take(userId);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new RateLimitedError(
        `You have sent ${deps.config.chatTurnsPerMinute} messages to the assistant in the last minute; try again in ${seconds} s`,
        seconds,
      );
    }
  };

  router.openapi(
    createRoute({
      method: "post",
      path: "/chat",
      tags: ["assistant"],
      summary: "One turn with the assistant",
      security,
      request: { body: { required: true, ...jsonContent(ChatInput, "The message") } },
      responses: { 200: jsonContent(ChatResponse, "The answer and the tool calls it made"), ...ErrorResponses },
    }),
    async (c) => {
      const input = c.req.valid("json");
      await startTurn(c.var.user.id);
      return c.json(await chat(deps, c.var.user.id, input), 200);
    },
  );

  router.post("/chat/stream", async (c) => {
    const body = StreamInput.safeParse(await c.req.json());
    if (!body.success) throw validationErrorFrom(body.error);
    const input = ChatInput.safeParse({
      message: lastUserText(body.data),
      ...(body.data.conversation_id ? { conversation_id: body.data.conversation_id } : {}),
      ...(body.data.timezone ? { timezone: body.data.timezone } : {}),
    });
    if (!input.success) throw validationErrorFrom(input.error);
    await startTurn(c.var.user.id);
    return chatStream(deps, c.var.user.id, input.data);
  });

  router.openapi(
    createRoute({
      method: "get",
      path: "/conversations",
      tags: ["assistant"],
      summary: "Your conversations, most recent first",
      security,
      responses: {
        200: jsonContent(z.object({ conversations: z.array(Conversation) }), "Conversations"),
        ...ErrorResponses,
      },
    }),
    async (c) => c.json({ conversations: await listConversations(deps.db, c.var.user.id) }, 200),
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/conversations/{id}",
      tags: ["assistant"],
      summary: "A conversation with its messages",
      security,
      request: { params: IdParam },
      responses: {
        200: jsonContent(Conversation.extend({ messages: z.array(Message) }), "The conversation"),
        ...ErrorResponses,
      },
    }),
    async (c) => c.json(await getConversation(deps.db, c.var.user.id, c.req.valid("param").id), 200),
  );

  router.openapi(
    createRoute({
      method: "delete",
      path: "/conversations/{id}",
      tags: ["assistant"],
      summary: "Delete a conversation",
      security,
      request: { params: IdParam },
      responses: { 204: { description: "Deleted" }, ...ErrorResponses },
    }),
    async (c) => {
      await deleteConversation(deps.db, c.var.user.id, c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
  return router;
}
