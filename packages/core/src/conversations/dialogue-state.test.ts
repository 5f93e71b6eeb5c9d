// The dialogue state stored on each assistant message: written and read back as the contract's shape, the latest
// answer's state is the one the next turn gets, and a stored value this version cannot read is the empty state.
import { type DialogueState, EMPTY_DIALOGUE_STATE } from "@todo/contract/conversation";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../../../test/databases";
import { insertUser } from "../../../../test/users";
import type { Database } from "../db/client";
import { messages } from "../db/schema";
import { appendMessage, getConversation, loadDialogueState, openConversation } from "./conversations.service";

const fields = {
  title: "Call mom",
  description: "",
  completed: false,
  priority: "none" as const,
  tags: ["family"],
  due_at: "2026-11-27T15:00:00.000Z",
  remind_at: null,
  recurrence: null,
};

const STATE: DialogueState = {
  version: 1,
  shown: [
    { id: 3, title: "Call mom" },
    { id: 4, title: "Call the plumber" },
  ],
  listed: [
    { id: 3, title: "Call mom" },
    { id: 4, title: "Call the plumber" },
  ],
  last_change: {
    changes: [
      { tool: "update_task", task_id: 3, before: fields, after: { ...fields, due_at: "2026-11-28T09:00:00.000Z" } },
      { tool: "add_task", task_id: 9, before: null, after: { ...fields, title: "New" } },
    ],
  },
  question: {
    kind: "which-task",
    candidates: [
      { id: 3, title: "Call mom" },
      { id: 4, title: "Call the plumber" },
    ],
    action: { kind: "update", changes: { priority: "high", tags_add: ["urgent"], due_at: null } },
  },
  confirmation: { tool: "delete_task", task_ids: [3, 4] },
};

describe.each(databaseKinds)("dialogue state on %s", (kind) => {
  let database: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.handle.db;
  });
  afterAll(() => database.drop());

  async function conversation() {
    const user = await insertUser(db);
    const convo = await openConversation(db, user, undefined, "hello");
    return { user, id: convo.id };
  }

  it("round-trips the state of the latest answer", async () => {
    const { user, id } = await conversation();
    expect(await loadDialogueState(db, user, id)).toEqual(EMPTY_DIALOGUE_STATE);
    await appendMessage(db, user, id, { role: "user", content: "delete the call task" });
    await appendMessage(db, user, id, { role: "assistant", content: "Which one?", dialogue: STATE });
    expect(await loadDialogueState(db, user, id)).toEqual(STATE);
    // The person's next message has no state of its own; the answer's is still the one read.
    await appendMessage(db, user, id, { role: "user", content: "the second one" });
    expect(await loadDialogueState(db, user, id)).toEqual(STATE);
    const next = { ...EMPTY_DIALOGUE_STATE, shown: [{ id: 4, title: "Call the plumber" }] };
    await appendMessage(db, user, id, { role: "assistant", content: "Deleted task 4.", dialogue: next });
    expect(await loadDialogueState(db, user, id)).toEqual(next);
    // The state is internal: the conversation's messages as the API shows them are unchanged.
    const shown = await getConversation(db, user, id);
    expect(Object.keys(shown.messages[1]!).sort()).toEqual(["content", "created_at", "id", "role", "tool_calls"]);
  });

  it("is scoped to the user", async () => {
    const { user, id } = await conversation();
    await appendMessage(db, user, id, { role: "assistant", content: "Which one?", dialogue: STATE });
    const other = await insertUser(db);
    expect(await loadDialogueState(db, other, id)).toEqual(EMPTY_DIALOGUE_STATE);
  });

  it.each([
    ["not an object", "garbage"],
    ["another version", { ...STATE, version: 2 }],
    ["a malformed confirmation", { ...STATE, confirmation: { tool: "delete_task", task_ids: ["all"] } }],
    ["missing fields", { version: 1, shown: [{ id: 3 }] }],
    ["an empty object", {}],
  ])("reads a stored state that is %s as the empty state, never an error", async (_, stored) => {
    const { user, id } = await conversation();
    const message = await appendMessage(db, user, id, { role: "assistant", content: "Which one?", dialogue: STATE });
    await db
      .update(messages)
      .set({ dialogueState: stored })
      .where(and(eq(messages.id, message.id), eq(messages.userId, user)));
    expect(await loadDialogueState(db, user, id)).toEqual(EMPTY_DIALOGUE_STATE);
  });

  it("never stores a state that is not of the contract's shape", async () => {
    const { user, id } = await conversation();
    const bad = { ...STATE, shown: [{ id: -1, title: "x" }] } as unknown as DialogueState;
    const message = await appendMessage(db, user, id, { role: "assistant", content: "Hi", dialogue: bad });
    const [row] = await db.select().from(messages).where(eq(messages.id, message.id));
    expect(row!.dialogueState).toBeNull();
    expect(await loadDialogueState(db, user, id)).toEqual(EMPTY_DIALOGUE_STATE);
  });
});
