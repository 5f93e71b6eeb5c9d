// The dialogue state through the real backend (agent → MCP tools → database) on PGlite and Postgres: a "yes" only
// confirms the exact deletion recorded as pending in the previous answer's state, for the builtin model and for a
// scripted OpenAI-compatible model; what a question recorded is what answers it; a corrupted stored state is
// read as the empty state.
import { EMPTY_DIALOGUE_STATE } from "@todo/contract/conversation";
import { loadDialogueState } from "@todo/core/conversations/conversations.service";
import { messages } from "@todo/core/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBackendOn, createTestStack, type TestUser } from "../../../test/backend";
import { createTestDatabase, databaseKinds } from "../../../test/databases";
import { type ScriptedReply, startFakeOpenAI } from "../../../test/fake-openai";
import { startTestMcp } from "../../../test/mcp";
import { confirmedDeletions } from "./confirmations";

type Stack = Awaited<ReturnType<typeof createTestStack>>;
type Api = Pick<Stack, "request" | "signUp">;

const titles = (res: { json: { tasks: { title: string }[] } }) => res.json.tasks.map((t) => t.title).sort();
const deletedIds = (res: { json: { tool_calls: { name: string; arguments: { task_id: number } }[] } }) =>
  res.json.tool_calls.filter((t) => t.name === "delete_task").map((t) => t.arguments.task_id);

async function seed(api: Api, user: TestUser, names: string[]) {
  for (const title of names) await api.request("POST", "/api/tasks", { headers: user.headers, body: { title } });
}

describe.each(databaseKinds)("dialogue state with the builtin model on %s", (kind) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await createTestStack(kind);
  });
  afterAll(() => stack.close());
  const say = (user: TestUser, message: string, conversation_id?: string) =>
    stack.request("POST", "/api/chat", { headers: user.headers, body: { message, timezone: "UTC", conversation_id } });
  const stateOf = (user: TestUser, conversation: string) =>
    loadDialogueState(stack.database.handle.db, user.id, conversation);

  it("a 'yes' to 'Which one do you mean?' deletes nothing and does not disarm the bulk-delete gate", async () => {
    const u = await stack.signUp("Which");
    await seed(stack, u, ["Call mom", "Call the plumber", "Pay rent"]);
    const asked = await say(u, "delete the call task");
    expect(asked.json.response).toMatch(/Which one do you mean\?/);
    const id = asked.json.conversation_id;
    const state = await stateOf(u, id);
    expect(state.question).toEqual({
      kind: "which-task",
      candidates: [
        { id: 1, title: "Call mom" },
        { id: 2, title: "Call the plumber" },
      ],
      action: { kind: "delete" },
    });
    expect(state.confirmation).toBeNull();
    // The question mentions deleting and ends with "?", yet a "yes" confirms nothing.
    expect(confirmedDeletions(state, "yes")).toEqual([]);
    const yes = await say(u, "yes", id);
    expect(yes.status).toBe(200);
    expect(deletedIds(yes)).toEqual([]);
    expect(titles(await stack.request("GET", "/api/tasks", { headers: u.headers }))).toEqual([
      "Call mom",
      "Call the plumber",
      "Pay rent",
    ]);
  });

  it("'yes' runs exactly the recorded deletion, once", async () => {
    const u = await stack.signUp("Bulk");
    await seed(stack, u, ["One", "Two", "Three"]);
    const ask = await say(u, "delete tasks 1 and 2");
    const id = ask.json.conversation_id;
    expect((await stateOf(u, id)).confirmation).toEqual({ tool: "delete_task", task_ids: [1, 2] });
    const yes = await say(u, "yes please", id);
    expect(deletedIds(yes)).toEqual([1, 2]);
    expect((await stateOf(u, id)).confirmation).toBeNull();
    expect((await stateOf(u, id)).last_change?.changes.map((c) => [c.tool, c.task_id, c.after])).toEqual([
      ["delete_task", 1, null],
      ["delete_task", 2, null],
    ]);
    // A second "yes" has nothing pending to confirm.
    const again = await say(u, "yes", id);
    expect(deletedIds(again)).toEqual([]);
    expect(titles(await stack.request("GET", "/api/tasks", { headers: u.headers }))).toEqual(["Three"]);
  });

  it("answers the recorded question with a pick, and records the change with its before", async () => {
    const u = await stack.signUp("Pick");
    await seed(stack, u, ["Call mom", "Call the plumber"]);
    const asked = await say(u, "make the call task high priority");
    const id = asked.json.conversation_id;
    const picked = await say(u, "2", id);
    expect(picked.json.response).toMatch(/^Updated task 2: Call the plumber/);
    const state = await stateOf(u, id);
    expect(state.question).toBeNull();
    expect(state.shown).toEqual([{ id: 2, title: "Call the plumber" }]);
    expect(state.last_change?.changes).toEqual([
      expect.objectContaining({
        tool: "update_task",
        task_id: 2,
        before: expect.objectContaining({ priority: "none" }),
        after: expect.objectContaining({ priority: "high" }),
      }),
    ]);
  });

  it("reads a corrupted stored state as the empty one: the turn is answered, nothing is changed", async () => {
    const u = await stack.signUp("Corrupt");
    await seed(stack, u, ["Call mom", "Call the plumber"]);
    const asked = await say(u, "delete the call task");
    const id = asked.json.conversation_id;
    const db = stack.database.handle.db;
    await db
      .update(messages)
      .set({ dialogueState: { version: 1, shown: "not a list" } })
      .where(eq(messages.conversationId, id));
    expect(await stateOf(u, id)).toEqual(EMPTY_DIALOGUE_STATE);
    const next = await say(u, "the second one", id);
    expect(next.status).toBe(200);
    expect(deletedIds(next)).toEqual([]);
    await db.update(messages).set({ dialogueState: "}{" }).where(eq(messages.conversationId, id));
    const yes = await say(u, "yes", id);
    expect(yes.status).toBe(200);
    expect(deletedIds(yes)).toEqual([]);
    expect(titles(await stack.request("GET", "/api/tasks", { headers: u.headers }))).toEqual([
      "Call mom",
      "Call the plumber",
    ]);
  });

  it("keeps the state on the streaming route too", async () => {
    const u = await stack.signUp("Stream");
    await seed(stack, u, ["Call mom", "Call the plumber"]);
    const res = await stack.app.request("/api/chat/stream", {
      method: "POST",
      headers: { ...u.headers, "content-type": "application/json" },
      body: JSON.stringify({
        messages: [{ id: "m1", role: "user", parts: [{ type: "text", text: "delete the call task" }] }],
        timezone: "UTC",
      }),
    });
    await res.text();
    const id = res.headers.get("x-conversation-id")!;
    expect((await stateOf(u, id)).question?.candidates.map((c) => c.id)).toEqual([1, 2]);
    const picked = await say(u, "the first one", id);
    expect(deletedIds(picked)).toEqual([1]);
  });
});

describe.each(databaseKinds)("dialogue state with an OpenAI-compatible model on %s", (kind) => {
  async function llmStack(script: ScriptedReply[]) {
    const llm = await startFakeOpenAI(script);
    const database = await createTestDatabase(kind);
    const mcp = await startTestMcp(database.handle);
    const api = await createTestBackendOn(database, {
      MCP_SERVER_URL: `http://127.0.0.1:${mcp.port}`,
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: llm.baseUrl,
      OPENAI_MODEL: "scripted",
    });
    return {
      api,
      database,
      close: async () => {
        await mcp.close();
        await llm.close();
        await database.drop();
      },
    };
  }
  const deletes = (...ids: number[]): ScriptedReply => ({
    toolCalls: ids.map((id) => ({ name: "delete_task", arguments: JSON.stringify({ task_id: id }) })),
  });

  it("a 'yes' to the model's 'Which one do you mean?' does not disarm the bulk-delete gate", async () => {
    const s = await llmStack([
      {
        text: '2 tasks match "call". Which one do you mean?\n- Task 1: Call mom\n- Task 2: Call the plumber\nFor example: "delete task 1".',
      },
      deletes(1, 2),
      { text: "Deleted." },
    ]);
    try {
      const u = await s.api.signUp();
      await seed(s.api, u, ["Call mom", "Call the plumber"]);
      const chat = (message: string, conversation_id?: string) =>
        s.api.request("POST", "/api/chat", { headers: u.headers, body: { message, conversation_id } });
      const asked = await chat("delete the call task");
      const yes = await chat("yes", asked.json.conversation_id);
      expect(yes.status).toBe(200);
      // The first deletion runs (one per turn is allowed), the second is refused: "yes" confirmed nothing.
      expect(JSON.stringify(yes.json.tool_calls[1].result)).toMatch(/confirmation/);
      expect(titles(await s.api.request("GET", "/api/tasks", { headers: u.headers }))).toEqual(["Call the plumber"]);
    } finally {
      await s.close();
    }
  });

  it("a refused deletion becomes the pending confirmation: the next 'yes' confirms exactly it", async () => {
    const s = await llmStack([
      deletes(1, 2, 3),
      { text: "I deleted task 1. Deleting tasks 2 and 3 needs your confirmation: shall I?" },
      deletes(2, 3, 4),
      { text: "Deleted tasks 2 and 3; task 4 needs your confirmation." },
    ]);
    try {
      const u = await s.api.signUp();
      await seed(s.api, u, ["One", "Two", "Three", "Four", "Five"]);
      const chat = (message: string, conversation_id?: string) =>
        s.api.request("POST", "/api/chat", { headers: u.headers, body: { message, conversation_id } });
      const first = await chat("delete tasks 1, 2 and 3");
      const id = first.json.conversation_id;
      const state = await loadDialogueState(s.database.handle.db, u.id, id);
      expect(state.confirmation).toEqual({ tool: "delete_task", task_ids: [2, 3] });
      expect(state.last_change?.changes.map((c) => c.task_id)).toEqual([1]);
      const yes = await chat("yes", id);
      expect(yes.status).toBe(200);
      // 2 and 3 were confirmed; 4 is the one unconfirmed deletion a turn may make.
      expect(titles(await s.api.request("GET", "/api/tasks", { headers: u.headers }))).toEqual(["Five"]);
      expect((await loadDialogueState(s.database.handle.db, u.id, id)).confirmation).toBeNull();
    } finally {
      await s.close();
    }
  });
});
