// Conversations with the assistant, and the streaming transport used by useChat.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Conversation, ConversationWithMessages, Message } from "@todo/contract/conversation";
import { DefaultChatTransport, type UIMessage } from "ai";
import { apiRequest, errorFromBody, redirectToSignIn } from "@/lib/api-client";

export const conversationsKey = ["conversations"] as const;

export function useConversations(enabled: boolean) {
  return useQuery({
    queryKey: conversationsKey,
    enabled,
    queryFn: async () => {
      const data = await apiRequest<{ conversations: Conversation[] }>("/api/conversations");
      return data.conversations;
    },
  });
}

/** Stored messages → the UI messages useChat renders (tool calls become dynamic-tool parts). */
export function toUIMessages(messages: Message[]): UIMessage[] {
  return messages.map((m) => {
    const parts: UIMessage["parts"] = m.tool_calls.map((call, i) => ({
      type: "dynamic-tool" as const,
      toolName: call.name,
      toolCallId: `${m.id}-${i}`,
      state: "output-available" as const,
      input: call.arguments ?? {},
      output: call.result,
    }));
    if (m.content) parts.push({ type: "text", text: m.content });
    return { id: m.id, role: m.role, parts };
  });
}

export async function loadConversation(id: string): Promise<UIMessage[]> {
  const data = await apiRequest<ConversationWithMessages>(`/api/conversations/${encodeURIComponent(id)}`);
  return toUIMessages(data.messages);
}

export function useDeleteConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/api/conversations/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: conversationsKey }),
  });
}

/**
 * The AI SDK transport for POST /api/chat/stream. The conversation id travels in the body and comes back in the
 * x-conversation-id header; a 401 sends the person to sign-in like every other call.
 */
export function createChatTransport(conversation: { current: string | null }) {
  return new DefaultChatTransport<UIMessage>({
    api: "/api/chat/stream",
    body: () => ({
      conversation_id: conversation.current ?? undefined,
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    }),
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      const id = response.headers.get("x-conversation-id");
      if (id) conversation.current = id;
      if (response.status === 401) redirectToSignIn();
      return response;
    },
  });
}

/** useChat reports a failed request as an Error whose message is the response body; make it readable. */
export function chatErrorMessage(error: Error): string {
  try {
    const body = JSON.parse(error.message) as unknown;
    const parsed = errorFromBody(0, body);
    if (parsed.code === "service_unavailable") return "The assistant is unreachable right now. Try again in a moment.";
    return parsed.message;
  } catch {
    if (/fetch|network/i.test(error.message)) return "The app could not reach its server. Check your connection.";
    return error.message || "The assistant could not answer.";
  }
}
