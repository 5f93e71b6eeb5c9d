// Conversations with the assistant, stored so that any replica can serve the next turn and history survives
// restarts. Every lookup is scoped to the user.

import {
  type DialogueState,
  DialogueState as DialogueStateSchema,
  EMPTY_DIALOGUE_STATE,
  readDialogueState,
} from "@todo/contract/conversation";
import { NotFoundError } from "@todo/contract/errors";
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/client";
import { conversations, messages } from "../db/schema";

export interface ToolCallRecord {
  name: string;
  arguments: unknown;
  result: unknown;
}

export interface MessageJson {
  id: string;
  role: "user" | "assistant";
  content: string;
  tool_calls: ToolCallRecord[];
  created_at: string;
}

export interface ConversationJson {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
}

function toConversation(row: typeof conversations.$inferSelect): ConversationJson {
  return {
    id: row.id,
    title: row.title,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

function toMessage(row: typeof messages.$inferSelect): MessageJson {
  return {
    id: row.id,
    role: row.role,
    content: row.content,
    tool_calls: (row.toolCalls as ToolCallRecord[] | null) ?? [],
    created_at: row.createdAt.toISOString(),
  };
}

function titleFrom(message: string): string {
  const oneLine = message.replace(/\s+/g, " ").trim();
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine || "New conversation";
}

const isUuid = (id: string) => z.uuid().safeParse(id).success;

export async function findConversation(db: Database, userId: string, id: string): Promise<ConversationJson> {
  const [row] = isUuid(id)
    ? await db
        .select()
        .from(conversations)
        .where(and(eq(conversations.userId, userId), eq(conversations.id, id)))
        .limit(1)
    : [];
  if (!row) throw new NotFoundError(`Conversation ${id} was not found`);
  return toConversation(row);
}

/** The conversation to continue, or a new one titled after the first message. */
export async function openConversation(
  db: Database,
  userId: string,
  id: string | undefined,
  firstMessage: string,
): Promise<ConversationJson> {
  if (id) return findConversation(db, userId, id);
  const [row] = await db
    .insert(conversations)
    .values({ userId, title: titleFrom(firstMessage) })
    .returning();
  return toConversation(row!);
}

export async function listConversations(db: Database, userId: string): Promise<ConversationJson[]> {
  const rows = await db
    .select()
    .from(conversations)
    .where(eq(conversations.userId, userId))
    .orderBy(desc(conversations.updatedAt))
    .limit(100);
  return rows.map(toConversation);
}

export async function getConversation(
  db: Database,
  userId: string,
  id: string,
): Promise<ConversationJson & { messages: MessageJson[] }> {
  const conversation = await findConversation(db, userId, id);
  return { ...conversation, messages: await loadMessages(db, userId, id) };
}

/** The last `limit` messages, oldest first. */
export async function loadMessages(
  db: Database,
  userId: string,
  conversationId: string,
  limit = 200,
): Promise<MessageJson[]> {
  const rows = await db
    .select()
    .from(messages)
    .where(and(eq(messages.userId, userId), eq(messages.conversationId, conversationId)))
    .orderBy(desc(messages.createdAt), desc(sql`${messages.role} = 'assistant'`))
    .limit(limit);
  return rows.reverse().map(toMessage);
}

export async function appendMessage(
  db: Database,
  userId: string,
  conversationId: string,
  message: { role: "user" | "assistant"; content: string; toolCalls?: ToolCallRecord[]; dialogue?: DialogueState },
): Promise<MessageJson> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(messages)
      .values({
        conversationId,
        userId,
        role: message.role,
        content: message.content,
        toolCalls: message.toolCalls?.length ? message.toolCalls : null,
        // Only a state of the contract's shape is ever stored; anything else is stored as no state (read as empty).
        dialogueState: message.dialogue ? (DialogueStateSchema.safeParse(message.dialogue).data ?? null) : null,
      })
      .returning();
    await tx.update(conversations).set({ updatedAt: new Date() }).where(eq(conversations.id, conversationId));
    return toMessage(row!);
  });
}

/**
 * The assistant's dialogue state after its latest answer in the conversation: what the next turn follows up on.
 * The empty state when there is no answer yet, or when the stored state is not one this version can read (an old
 * version, or a corrupted value): a conversation never fails because of it.
 */
export async function loadDialogueState(db: Database, userId: string, conversationId: string): Promise<DialogueState> {
  const [row] = await db
    .select({ state: messages.dialogueState })
    .from(messages)
    .where(
      and(eq(messages.userId, userId), eq(messages.conversationId, conversationId), eq(messages.role, "assistant")),
    )
    .orderBy(desc(messages.seq))
    .limit(1);
  return row ? readDialogueState(row.state) : EMPTY_DIALOGUE_STATE;
}

export async function deleteConversation(db: Database, userId: string, id: string): Promise<void> {
  await findConversation(db, userId, id);
  await db.delete(conversations).where(and(eq(conversations.userId, userId), eq(conversations.id, id)));
}

// One definition, in the contract (it refuses NUL bytes and unknown time zones).
export { ChatInput } from "@todo/contract/conversation";
