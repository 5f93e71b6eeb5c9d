import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Intent, parseIntent } from "./intents";

// A Sunday, 10:00 UTC.
const now = new Date("2026-11-22T10:00:00Z");
const read = (message: string, timeZone = "UTC") => parseIntent(message, { now, timeZone });

describe("parseIntent: adding", () => {
  it("cleans the title and keeps the quick-add metadata", () => {
    expect(read('add "file taxes" high priority due friday #finance')).toEqual({
      kind: "add",
      task: {
        title: "File taxes",
        priority: "high",
        tags: ["finance"],
        due_at: "2026-11-27T09:00:00.000Z",
        remind_at: null,
        recurrence: null,
      },
    });
  });

  it("understands reminders and needs as new tasks", () => {
    expect(read("remind me to call the dentist tomorrow at 9am", "America/New_York")).toMatchObject({
      kind: "add",
      task: { title: "Call the dentist", due_at: "2026-11-23T14:00:00.000Z" },
    });
    expect(read("I need to remember to pay bills")).toMatchObject({ kind: "add", task: { title: "Pay bills" } });
  });

  it("adds a message with no verb when it carries task metadata, and not otherwise", () => {
    expect(read("dentist friday 3pm #health")).toMatchObject({ kind: "add", task: { title: "Dentist" } });
    expect(read("buy milk")).toEqual({ kind: "unknown" });
    expect(read("#work")).toEqual({ kind: "unknown" });
    expect(read("add")).toEqual({ kind: "unknown" });
  });

  it("splits off a description", () => {
    expect(read("add renew passport with a note: photos are in the drawer")).toMatchObject({
      kind: "add",
      task: { title: "Renew passport", description: "photos are in the drawer" },
    });
  });
});

describe("parseIntent: listing", () => {
  it.each([
    ["Show me all my tasks", { status: "all" }],
    ["What's pending?", { status: "pending" }],
    ["What have I completed?", { status: "completed" }],
    ["what's due today?", { due: "today" }],
    ["anything overdue?", { due: "overdue" }],
    ["show my high priority work tasks", { priority: "high", tag: "work" }],
    ["tasks with no due date", { due: "none" }],
    ["search for milk", { query: "milk" }],
    ["show my tasks", {}],
  ])("%j", (message, filter) => {
    expect(read(message)).toEqual({ kind: "list", filter });
  });

  it("does not take an unrelated question for a list request", () => {
    expect(read("what is the capital of France?")).toEqual({ kind: "unknown" });
  });
});

describe("parseIntent: references", () => {
  it.each([
    ["complete task 3", { id: 3 }],
    ["complete #3", { id: 3 }],
    ["complete 3", { id: 3 }],
    ["complete task number 3", { id: 3 }],
    ["complete task three", { id: 3 }],
    ["complete the meeting task", { title: "meeting" }],
    ["complete the one about groceries", { title: "groceries" }],
    ["complete the task called 'email the landlord'", { title: "email the landlord" }],
    ["complete my dentist appointment", { title: "dentist appointment" }],
  ])("%j → %o", (message, ref) => {
    expect(read(message)).toEqual({ kind: "complete", ref });
  });

  it("does not guess what a pronoun means", () => {
    expect(read("delete it")).toEqual({ kind: "unknown" });
    expect(read("complete that one")).toEqual({ kind: "unknown" });
  });
});

describe("parseIntent: complete, reopen, delete", () => {
  it.each([
    ["Mark task 3 as complete", "complete", { id: 3 }],
    ["I finished the report", "complete", { title: "report" }],
    ["the report is done", "complete", { title: "report" }],
    ["reopen task 2", "reopen", { id: 2 }],
    ["mark task 2 as not done", "reopen", { id: 2 }],
    ["put task 5 back on my list", "reopen", { id: 5 }],
    ["Delete the meeting task", "delete", { title: "meeting" }],
    ["delete task 99", "delete", { id: 99 }],
    ["I don't need the gym task anymore", "delete", { title: "gym" }],
  ])("%j → %s", (message, kind, ref) => {
    expect(read(message)).toEqual({ kind, ref });
  });

  it("reads a bulk delete as delete_many, so the agent can ask first", () => {
    expect(read("delete all completed tasks")).toEqual({ kind: "delete_many", filter: { status: "completed" } });
    expect(read("clear everything")).toEqual({ kind: "delete_many", filter: { status: "all" } });
  });
});

describe("parseIntent: updates", () => {
  it.each([
    ["Change task 1 to 'Call mom tonight'", { id: 1 }, { title: "Call mom tonight" }],
    [
      'rename the groceries task to "buy groceries and fruit"',
      { title: "groceries" },
      { title: "Buy groceries and fruit" },
    ],
    ["rename task 2 to go to the gym", { id: 2 }, { title: "Go to the gym" }],
    ["push the dentist to next week", { title: "dentist" }, { due_at: "2026-11-23T09:00:00.000Z" }],
    ["tag task 4 as urgent", { id: 4 }, { tags_add: ["urgent"] }],
    ["set task 2 priority to high", { id: 2 }, { priority: "high" }],
    ["mark task 3 as important", { id: 3 }, { priority: "high" }],
    ["remove the work tag from task 3", { id: 3 }, { tags_remove: ["work"] }],
    ["remove the due date from task 2", { id: 2 }, { due_at: null }],
    ["make task 2 repeat every friday", { id: 2 }, { recurrence: "FREQ=WEEKLY;BYDAY=FR" }],
    ["stop repeating task 2", { id: 2 }, { recurrence: null }],
    ["add a note to task 3: bring the receipts", { id: 3 }, { description: "bring the receipts" }],
  ])("%j", (message, ref, changes) => {
    expect(read(message)).toEqual({ kind: "update", ref, changes });
  });

  it("resolves new dates in the person's time zone", () => {
    expect(read("move task 4 to friday at 5pm", "Europe/Paris")).toEqual({
      kind: "update",
      ref: { id: 4 },
      changes: { due_at: "2026-11-27T16:00:00.000Z" },
    });
  });
});

describe("parseIntent: small talk", () => {
  it.each([
    ["hi", "greeting"],
    ["Good morning!", "greeting"],
    ["thanks", "thanks"],
    ["thank you so much!", "thanks"],
    ["what can you do?", "help"],
    ["help", "help"],
    ["bye", "bye"],
  ])("%j → %s", (message, topic) => {
    expect(read(message)).toEqual({ kind: "smalltalk", topic });
  });

  it("treats a greeting followed by a request as the request", () => {
    expect(read("hi, add buy milk")).toMatchObject({ kind: "add", task: { title: "Buy milk" } });
  });
});

describe("parseIntent: tolerance", () => {
  it("corrects small typos in the words that decide the intent", () => {
    expect(read("finsh the report")).toEqual({ kind: "complete", ref: { title: "report" } });
    expect(read("delet task 5")).toEqual({ kind: "delete", ref: { id: 5 } });
    expect(read("mrak task 3 as done")).toEqual({ kind: "complete", ref: { id: 3 } });
    expect(read("whats pendng")).toEqual({ kind: "list", filter: { status: "pending" } });
  });

  it("does not 'correct' real words into commands", () => {
    expect(read("schedule a haircut for saturday at 11")).toMatchObject({
      kind: "add",
      task: { title: "Schedule a haircut" },
    });
    expect(read("park the car tomorrow")).toMatchObject({ kind: "add", task: { title: "Park the car" } });
  });

  // Phrasings assembled from parts: the grammar has to generalise, not recognise whole sentences.
  const politeness = fc.constantFrom("", "please ", "could you ", "can you please ", "hey, ", "ok so ", "pls ");
  const trailing = fc.constantFrom("", " please", " thanks", "!", ".", " for me", "?");
  const ids = fc.integer({ min: 1, max: 999 });
  const idForm = fc.constantFrom("task N", "#N", "task #N", "task number N", "N");

  it("reads any polite wording of complete, delete and reopen by id", () => {
    const verbs: [Intent["kind"], string][] = [
      ["complete", "complete X"],
      ["complete", "mark X as done"],
      ["complete", "mark X complete"],
      ["complete", "finish X"],
      ["complete", "check off X"],
      ["complete", "X is done"],
      ["delete", "delete X"],
      ["delete", "remove X"],
      ["delete", "get rid of X"],
      ["delete", "erase X"],
      ["reopen", "reopen X"],
      ["reopen", "mark X as not done"],
      ["reopen", "uncheck X"],
    ];
    fc.assert(
      fc.property(
        politeness,
        fc.constantFrom(...verbs),
        idForm,
        ids,
        trailing,
        (lead, [kind, verb], form, id, tail) => {
          const ref = form.replace("N", String(id));
          const message = `${lead}${verb.replace("X", ref)}${tail}`;
          expect(read(message)).toEqual({ kind, ref: { id } });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads any polite wording of a title reference", () => {
    const titles = fc.constantFrom("report", "dentist appointment", "groceries", "call with Sarah", "tax return");
    const forms = fc.constantFrom("the T task", "the T", "my T", "the one about T", "the task about T", "'T'");
    fc.assert(
      fc.property(politeness, forms, titles, trailing, (lead, form, title, tail) => {
        const message = `${lead}delete ${form.replace("T", title)}${tail}`;
        expect(read(message)).toEqual({ kind: "delete", ref: { title } });
      }),
      { numRuns: 200 },
    );
  });

  it("never throws, whatever the message", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 80 })), (message) => {
        const intent = read(message);
        expect(typeof intent.kind).toBe("string");
        if (intent.kind === "add") expect(intent.task.title.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  }, 30_000);
});
