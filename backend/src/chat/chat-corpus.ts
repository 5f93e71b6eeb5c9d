// A corpus of chat messages for the assistant end to end: each case is one message sent to POST /api/chat by a
// fresh user who owns SEED_TASKS (numbered 1…12 in this order), and the MCP tool calls the turn must make, in
// order. Only the arguments a case states are compared. Dates assume CHAT_CORPUS_NOW (Sunday 22 November 2026,
// 10:00 UTC) and the case's time zone (UTC when absent, which is also what the server assumes).

export const CHAT_CORPUS_NOW = new Date("2026-11-22T10:00:00Z");

export type ToolName = "add_task" | "list_tasks" | "complete_task" | "delete_task" | "update_task";

export interface ExpectedCall {
  name: ToolName;
  /** Partial arguments: each stated key must be deep-equal; `timezone` is implied for list_tasks and add_task. */
  args?: Record<string, unknown>;
}

export interface ChatCorpusCase {
  say: string;
  /** IANA time zone the client sends; none is sent when absent (the server then uses UTC). */
  timeZone?: string;
  expect: ExpectedCall[];
  /** What the answer must say, for cases where the words matter (not found, which one?, confirm). */
  reply?: RegExp;
}

export interface SeedTask {
  title: string;
  completed?: boolean;
  priority?: "none" | "low" | "medium" | "high";
  tags?: string[];
  due_at?: string;
  recurrence?: string;
}

/** Created through POST /api/tasks for every case's user, so task N is SEED_TASKS[N - 1]. */
export const SEED_TASKS: SeedTask[] = [
  /* 1 */ { title: "Team meeting at 3", priority: "high", tags: ["work"], due_at: "2026-11-23T15:00:00.000Z" },
  /* 2 */ {
    title: "Finish the quarterly report",
    priority: "high",
    tags: ["work"],
    due_at: "2026-11-27T17:00:00.000Z",
  },
  /* 3 */ { title: "Call mom" },
  /* 4 */ { title: "Call the plumber", tags: ["home"] },
  /* 5 */ { title: "Buy groceries", priority: "medium", tags: ["shopping"] },
  /* 6 */ { title: "Dentist appointment", tags: ["health"], due_at: "2026-11-25T14:00:00.000Z" },
  /* 7 */ { title: "Pay the electricity bill", completed: true, tags: ["bills"] },
  /* 8 */ { title: "Renew passport", priority: "low", due_at: "2026-11-20T09:00:00.000Z" },
  /* 9 */ { title: "Book flights to Lisbon", tags: ["travel"] },
  /* 10 */ {
    title: "Water the plants",
    recurrence: "FREQ=WEEKLY;BYDAY=SA",
    due_at: "2026-11-28T09:00:00.000Z",
  },
  /* 11 */ { title: "Email Sarah about the budget", priority: "low", tags: ["work"] },
  /* 12 */ { title: "Walk the dog", completed: true },
];

const PARIS = "Europe/Paris";
const NEW_YORK = "America/New_York";
const TOKYO = "Asia/Tokyo";
const LOS_ANGELES = "America/Los_Angeles";
const SYDNEY = "Australia/Sydney";

// Shorthands for the expected calls.
const add = (args: Record<string, unknown>): ExpectedCall => ({ name: "add_task", args });
const list = (args: Record<string, unknown> = {}): ExpectedCall => ({ name: "list_tasks", args });
/** The lookup a reference by title (or a tag change) starts with. */
const lookup: ExpectedCall = { name: "list_tasks", args: { status: "all" } };
const complete = (id: number): ExpectedCall => ({ name: "complete_task", args: { task_id: id } });
const del = (id: number): ExpectedCall => ({ name: "delete_task", args: { task_id: id } });
const update = (id: number, args: Record<string, unknown> = {}): ExpectedCall => ({
  name: "update_task",
  args: { task_id: id, ...args },
});
const reopen = (id: number): ExpectedCall => update(id, { completed: false });

const WHICH_ONE = /which one/i;
const NO_TASK = (id: number) => new RegExp(`couldn't find task ${id}\\b`, "i");
const NO_MATCH = /couldn't find a task matching/i;
const CONFIRM = /reply "yes" to delete them/i;

// Days relative to Sunday 22 November 2026, 10:00 UTC.
const TODAY_9AM_PASSED = "2026-11-22T23:59:00.000Z";
const MON_9 = "2026-11-23T09:00:00.000Z";
const WED_9 = "2026-11-25T09:00:00.000Z";
const FRI_9 = "2026-11-27T09:00:00.000Z";

export const CHAT_CORPUS: ChatCorpusCase[] = [
  // ---------------------------------------------------------------------------------------------------------
  // Every row of /work/shared/nl-commands.md.
  { say: "Add a task to buy groceries", expect: [add({ title: "Buy groceries" })] },
  { say: "Show me all my tasks", expect: [list({ status: "all" })] },
  { say: "What's pending?", expect: [list({ status: "pending" })] },
  { say: "Mark task 3 as complete", expect: [complete(3)] },
  { say: "Delete the meeting task", expect: [lookup, del(1)] },
  { say: "Change task 1 to 'Call mom tonight'", expect: [update(1, { title: "Call mom tonight" })] },
  { say: "I need to remember to pay bills", expect: [add({ title: "Pay bills" })] },
  { say: "What have I completed?", expect: [list({ status: "completed" })] },
  {
    say: "remind me to call the dentist tomorrow at 9am",
    expect: [add({ title: "Call the dentist", due_at: "2026-11-23T09:00:00.000Z" })],
  },
  {
    say: "remind me to call the dentist tomorrow at 9am",
    timeZone: PARIS,
    expect: [add({ title: "Call the dentist", due_at: "2026-11-23T08:00:00.000Z", timezone: PARIS })],
  },
  {
    say: 'add "file taxes" high priority due friday #finance',
    expect: [add({ title: "File taxes", priority: "high", tags: ["finance"], due_at: FRI_9 })],
  },
  {
    say: "water the plants every monday",
    expect: [add({ title: "Water the plants", recurrence: "FREQ=WEEKLY;BYDAY=MO", due_at: MON_9 })],
  },
  { say: "what's due today?", expect: [list({ due: "today" })] },
  { say: "anything overdue?", expect: [list({ due: "overdue" })] },
  { say: "show my high priority work tasks", expect: [list({ priority: "high", tag: "work" })] },
  { say: "I finished the report", expect: [lookup, complete(2)] },
  {
    say: 'rename the groceries task to "buy groceries and fruit"',
    expect: [lookup, update(5, { title: "Buy groceries and fruit" })],
  },
  // "Next week" from a Sunday is the week starting tomorrow; the row only asks that the due date moves.
  { say: "push the dentist to next week", expect: [lookup, update(6)] },
  { say: "tag task 4 as urgent", expect: [lookup, update(4, { tags: ["home", "urgent"] })] },
  { say: "delete task 99", expect: [del(99)], reply: NO_TASK(99) },
  { say: "delete the call task", expect: [lookup], reply: WHICH_ONE },
  { say: "hi", expect: [] },
  { say: "thanks", expect: [] },
  { say: "what can you do?", expect: [] },

  // ---------------------------------------------------------------------------------------------------------
  // Adding: verbs, politeness, quotes, typos.
  { say: "add buy milk", expect: [add({ title: "Buy milk" })] },
  { say: "create a new task: renew car insurance", expect: [add({ title: "Renew car insurance" })] },
  { say: "new todo - order printer ink", expect: [add({ title: "Order printer ink" })] },
  { say: "please add 'Send invoice to ACME' to my list", expect: [add({ title: "Send invoice to ACME" })] },
  { say: "can you add pick up dry cleaning?", expect: [add({ title: "Pick up dry cleaning" })] },
  { say: "I have to fix the leaking tap", expect: [add({ title: "Fix the leaking tap" })] },
  { say: "don't forget to feed the cat", expect: [add({ title: "Feed the cat" })] },
  { say: "note to self: back up the laptop", expect: [add({ title: "Back up the laptop" })] },
  { say: "ad buy stamps", expect: [add({ title: "Buy stamps" })] },
  {
    say: "can u add feed the fish every morning",
    expect: [add({ title: "Feed the fish", recurrence: "FREQ=DAILY", due_at: MON_9 })],
  },
  { say: "addd buy a birthday card for Anna", expect: [add({ title: "Buy a birthday card for Anna" })] },
  { say: "pls add wash the car thx", expect: [add({ title: "Wash the car" })] },
  { say: "Add: prepare slides for monday", expect: [add({ title: "Prepare slides", due_at: MON_9 })] },
  { say: "I'd like you to add repaint the fence", expect: [add({ title: "Repaint the fence" })] },
  { say: 'add "Read chapter 4 of Dune"', expect: [add({ title: "Read chapter 4 of Dune" })] },

  // Adding with dates and times (UTC unless stated).
  { say: "add pay rent on Dec 3rd", expect: [add({ title: "Pay rent", due_at: "2026-12-03T09:00:00.000Z" })] },
  {
    say: "remind me to check the oven in 2 hours",
    expect: [add({ title: "Check the oven", due_at: "2026-11-22T12:00:00.000Z" })],
  },
  { say: "add buy a gift next friday", expect: [add({ title: "Buy a gift", due_at: FRI_9 })] },
  {
    say: "add pick up the kids at 3",
    expect: [add({ title: "Pick up the kids", due_at: "2026-11-22T15:00:00.000Z" })],
  },
  {
    say: "add submit timesheet tonight",
    expect: [add({ title: "Submit timesheet", due_at: "2026-11-22T20:00:00.000Z" })],
  },
  {
    say: "add review the contract this evening",
    expect: [add({ title: "Review the contract", due_at: "2026-11-22T19:00:00.000Z" })],
  },
  { say: "add go running tomorrow morning", expect: [add({ title: "Go running", due_at: MON_9 })] },
  {
    say: "add finish the slides by end of day",
    expect: [add({ title: "Finish the slides", due_at: "2026-11-22T17:00:00.000Z" })],
  },
  {
    say: "add dinner with Tom on the 15th",
    expect: [add({ title: "Dinner with Tom", due_at: "2026-12-15T09:00:00.000Z" })],
  },
  {
    say: "remind me to renew my license on 2027-01-10",
    expect: [add({ title: "Renew my license", due_at: "2027-01-10T09:00:00.000Z" })],
  },
  { say: "add call the landlord today", expect: [add({ title: "Call the landlord", due_at: TODAY_9AM_PASSED })] },
  { say: "add book the venue in 3 days", expect: [add({ title: "Book the venue", due_at: WED_9 })] },
  { say: "tomorrow I have to pick up the suit", expect: [add({ title: "Pick up the suit", due_at: MON_9 })] },
  {
    say: "remind me in 20 minutes to take the laundry out",
    expect: [add({ title: "Take the laundry out", due_at: "2026-11-22T10:20:00.000Z" })],
  },
  {
    say: "set a reminder for 5pm to take my meds",
    expect: [add({ title: "Take my meds", due_at: "2026-11-22T17:00:00.000Z" })],
  },
  {
    say: "add renew the domain on January 5th at 11:30",
    expect: [add({ title: "Renew the domain", due_at: "2027-01-05T11:30:00.000Z" })],
  },
  {
    say: "tmrw at 8am remind me to call the vet",
    expect: [add({ title: "Call the vet", due_at: "2026-11-23T08:00:00.000Z" })],
  },
  {
    say: "remind me to call the dentist tomorrow at 9am",
    timeZone: NEW_YORK,
    expect: [add({ title: "Call the dentist", due_at: "2026-11-23T14:00:00.000Z", timezone: NEW_YORK })],
  },
  {
    say: "add morning run tomorrow at 7am",
    timeZone: TOKYO,
    expect: [add({ title: "Morning run", due_at: "2026-11-22T22:00:00.000Z", timezone: TOKYO })],
  },
  {
    say: "add call Kenji tonight",
    timeZone: TOKYO,
    expect: [add({ title: "Call Kenji", due_at: "2026-11-22T11:00:00.000Z" })],
  },
  {
    say: "add standup at 9:30am tomorrow",
    timeZone: LOS_ANGELES,
    expect: [add({ title: "Standup", due_at: "2026-11-23T17:30:00.000Z" })],
  },
  {
    say: "add call the bank friday at 2pm",
    timeZone: PARIS,
    expect: [add({ title: "Call the bank", due_at: "2026-11-27T13:00:00.000Z" })],
  },
  {
    say: "add dentist check-up on Dec 3rd at 10:15",
    timeZone: PARIS,
    expect: [add({ title: "Dentist check-up", due_at: "2026-12-03T09:15:00.000Z" })],
  },
  {
    say: "add pay rent tomorrow",
    timeZone: SYDNEY,
    expect: [add({ title: "Pay rent", due_at: "2026-11-22T22:00:00.000Z", timezone: SYDNEY })],
  },
  {
    say: "add call the landlord today",
    timeZone: NEW_YORK,
    expect: [add({ title: "Call the landlord", due_at: "2026-11-22T14:00:00.000Z" })],
  },

  // Adding with priorities and tags.
  { say: "add fix the login bug !high", expect: [add({ title: "Fix the login bug", priority: "high" })] },
  { say: "add low priority clean the attic", expect: [add({ title: "Clean the attic", priority: "low" })] },
  { say: "add water the garden, medium priority", expect: [add({ title: "Water the garden", priority: "medium" })] },
  { say: "add prepare the demo #work #urgent", expect: [add({ title: "Prepare the demo", tags: ["work", "urgent"] })] },
  {
    say: "add buy milk tomorrow at 5pm #shopping !high",
    expect: [add({ title: "Buy milk", tags: ["shopping"], priority: "high", due_at: "2026-11-23T17:00:00.000Z" })],
  },
  {
    say: "remind me to submit the grant proposal friday at noon, high priority #work",
    expect: [
      add({
        title: "Submit the grant proposal",
        priority: "high",
        tags: ["work"],
        due_at: "2026-11-27T12:00:00.000Z",
      }),
    ],
  },
  {
    say: "dentist friday 3pm #health",
    expect: [add({ title: "Dentist", tags: ["health"], due_at: "2026-11-27T15:00:00.000Z" })],
  },
  { say: "add order new business cards !!!", expect: [add({ title: "Order new business cards", priority: "high" })] },

  // Adding repeating tasks.
  {
    say: "add stand-up meeting every weekday at 9:30",
    expect: [
      add({
        title: "Stand-up meeting",
        recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        due_at: "2026-11-23T09:30:00.000Z",
      }),
    ],
  },
  {
    say: "pay rent monthly on the 1st",
    expect: [add({ title: "Pay rent", recurrence: "FREQ=MONTHLY;BYMONTHDAY=1", due_at: "2026-12-01T09:00:00.000Z" })],
  },
  {
    say: "add take vitamins every day at 8am",
    expect: [add({ title: "Take vitamins", recurrence: "FREQ=DAILY", due_at: "2026-11-23T08:00:00.000Z" })],
  },
  {
    say: "remind me to take out the bins every tuesday evening",
    expect: [
      add({ title: "Take out the bins", recurrence: "FREQ=WEEKLY;BYDAY=TU", due_at: "2026-11-24T19:00:00.000Z" }),
    ],
  },
  {
    say: "add team sync every other week on wednesday",
    expect: [add({ title: "Team sync", recurrence: "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", due_at: WED_9 })],
  },
  {
    say: "add call grandma every sunday",
    expect: [add({ title: "Call grandma", recurrence: "FREQ=WEEKLY;BYDAY=SU", due_at: "2026-11-29T09:00:00.000Z" })],
  },
  {
    say: "add clean the fridge every 2 weeks",
    expect: [add({ title: "Clean the fridge", recurrence: "FREQ=WEEKLY;INTERVAL=2" })],
  },
  {
    say: "add yoga every tuesday and thursday at 7pm",
    expect: [add({ title: "Yoga", recurrence: "FREQ=WEEKLY;BYDAY=TU,TH", due_at: "2026-11-24T19:00:00.000Z" })],
  },
  {
    say: "add quarterly review on the first monday of every month",
    expect: [
      add({ title: "Quarterly review", recurrence: "FREQ=MONTHLY;BYDAY=+1MO", due_at: "2026-12-07T09:00:00.000Z" }),
    ],
  },
  {
    say: "remind me to pay the credit card on the last friday of every month",
    expect: [add({ title: "Pay the credit card", recurrence: "FREQ=MONTHLY;BYDAY=-1FR", due_at: FRI_9 })],
  },

  // ---------------------------------------------------------------------------------------------------------
  // Listing, with and without filters.
  { say: "list my tasks", expect: [list()] },
  { say: "what do I have to do today?", expect: [list({ due: "today" })] },
  { say: "whats overdue", expect: [list({ due: "overdue" })] },
  { say: "show my tasks due this week", expect: [list({ due: "week" })] },
  { say: "show tasks with no due date", expect: [list({ due: "none" })] },
  { say: "show tasks tagged health", expect: [list({ tag: "health" })] },
  { say: "list #shopping", expect: [list({ tag: "shopping" })] },
  { say: "find tasks about the dentist", expect: [list({ query: "dentist" })] },
  { say: "search for groceries", expect: [list({ query: "groceries" })] },
  { say: "how many tasks do I have left?", expect: [list({ status: "pending" })] },
  { say: "show pending work tasks", expect: [list({ status: "pending", tag: "work" })] },
  { say: "lst my tasks", expect: [list()] },
  { say: "what's on my plate today", expect: [list({ due: "today" })] },
  { say: "show overdue high priority tasks", expect: [list({ due: "overdue", priority: "high" })] },
  { say: "what's pendng?", expect: [list({ status: "pending" })] },
  { say: "what did I finish?", expect: [list({ status: "completed" })] },
  { say: "what's due today?", timeZone: PARIS, expect: [list({ due: "today", timezone: PARIS })] },
  { say: "what's due this week?", timeZone: TOKYO, expect: [list({ due: "week", timezone: TOKYO })] },
  { say: "any tasks with the tag travel?", expect: [list({ tag: "travel" })] },
  { say: "can you show me my open tasks please", expect: [list({ status: "pending" })] },
  { say: "show my urgent tasks", expect: [list({ priority: "high" })] },
  { say: "any high priority stuff pending?", expect: [list({ priority: "high", status: "pending" })] },
  { say: "list everything tagged #work that's not done", expect: [list({ tag: "work", status: "pending" })] },

  // ---------------------------------------------------------------------------------------------------------
  // Completing, by id and by title.
  { say: "task 3 is done", expect: [complete(3)] },
  { say: "finished #11", expect: [complete(11)] },
  { say: "please mark task number 6 as completed, thanks!", expect: [complete(6)] },
  { say: "mark the dentist appointment as done", expect: [lookup, complete(6)] },
  { say: "I called mom", expect: [lookup, complete(3)] },
  { say: "I bought the groceries", expect: [lookup, complete(5)] },
  { say: "the quarterly report is finished", expect: [lookup, complete(2)] },
  { say: "tick off the plumber", expect: [lookup, complete(4)] },
  { say: "i've booked the flights", expect: [lookup, complete(9)] },
  { say: "completed: email sarah", expect: [lookup, complete(11)] },
  { say: "mrak task 3 as done", expect: [complete(3)] },
  { say: "Please mark 'Buy groceries' as complete.", expect: [lookup, complete(5)] },
  { say: "I watered the plants", expect: [lookup, complete(10)] },
  { say: "I finished the call task", expect: [lookup], reply: WHICH_ONE },
  { say: "just finished the passport renewal", expect: [lookup, complete(8)] },
  { say: "I emailed Sarah", expect: [lookup, complete(11)] },
  { say: "mark the yoga class as done", expect: [lookup], reply: NO_MATCH },
  { say: "mark 3 as done", expect: [complete(3)] },
  { say: "complete task number two", expect: [complete(2)] },
  { say: "Call mom is done", expect: [lookup, complete(3)] },
  { say: "finished calling mom", expect: [lookup, complete(3)] },
  { say: "I'm done with the groceries", expect: [lookup, complete(5)] },

  // Reopening.
  { say: "reopen task 7", expect: [reopen(7)] },
  { say: "uncheck the electricity bill", expect: [lookup, reopen(7)] },
  { say: "mark walk the dog as not done", expect: [lookup, reopen(12)] },
  { say: "task 12 isn't finished yet", expect: [reopen(12)] },

  // ---------------------------------------------------------------------------------------------------------
  // Deleting one task, by id and by title.
  { say: "get rid of the plumber task", expect: [lookup, del(4)] },
  { say: "cancel the dentist appointment", expect: [lookup, del(6)] },
  { say: "trash 'Renew passport'", expect: [lookup, del(8)] },
  { say: "please delete the task about Lisbon", expect: [lookup, del(9)] },
  { say: "dlete task 5", expect: [del(5)] },
  { say: "I don't need the groceries task anymore", expect: [lookup, del(5)] },
  { say: "delete the yoga task", expect: [lookup], reply: NO_MATCH },
  { say: "remove call", expect: [lookup], reply: WHICH_ONE },
  { say: "erase the task called 'Email Sarah about the budget'", expect: [lookup, del(11)] },
  { say: "Could you remove the meeting from my list?", expect: [lookup, del(1)] },
  { say: "del 10", expect: [del(10)] },
  { say: "delete the walk the dog task", expect: [lookup, del(12)] },
  { say: "Delete task three", expect: [del(3)] },
  { say: "the plumber task can be deleted", expect: [lookup, del(4)] },

  // Deleting many: the assistant lists and asks; nothing is deleted yet.
  { say: "delete all completed tasks", expect: [list({ status: "completed" })], reply: CONFIRM },
  { say: "clear completed", expect: [list({ status: "completed" })], reply: CONFIRM },
  { say: "remove all tasks tagged work", expect: [list({ tag: "work" })], reply: CONFIRM },
  { say: "wipe my whole list", expect: [list({ status: "all" })], reply: CONFIRM },
  { say: "delete all my high priority tasks", expect: [list({ priority: "high" })], reply: CONFIRM },
  { say: "delete my work tasks", expect: [list({ tag: "work" })], reply: CONFIRM },

  // ---------------------------------------------------------------------------------------------------------
  // Changing tasks: titles, priorities, dates, tags, notes, repetition.
  { say: "rename task 5 to buy groceries and snacks", expect: [update(5, { title: "Buy groceries and snacks" })] },
  {
    say: "rename 'call mom' to 'Call mom on Sunday'",
    expect: [lookup, update(3, { title: "Call mom on Sunday" })],
  },
  {
    say: "change the title of task 9 to Book flights to Porto",
    expect: [update(9, { title: "Book flights to Porto" })],
  },
  { say: "set priority of task 5 to high", expect: [update(5, { priority: "high" })] },
  { say: "mark the plumber task as urgent", expect: [lookup, update(4, { priority: "high" })] },
  { say: "prioritize the report", expect: [lookup, update(2, { priority: "high" })] },
  { say: "change priority of the dentist to low", expect: [lookup, update(6, { priority: "low" })] },
  { say: "task 8 is not urgent anymore", expect: [update(8, { priority: "none" })] },
  { say: "move task 6 to friday", expect: [update(6, { due_at: FRI_9 })] },
  {
    say: "reschedule task 3 for monday at 2pm",
    expect: [update(3, { due_at: "2026-11-23T14:00:00.000Z" })],
  },
  { say: "push the dentist to friday", expect: [lookup, update(6, { due_at: FRI_9 })] },
  { say: "move 'Call mom' to saturday", expect: [lookup, update(3, { due_at: "2026-11-28T09:00:00.000Z" })] },
  { say: "put task 6 on dec 10", expect: [update(6, { due_at: "2026-12-10T09:00:00.000Z" })] },
  { say: "set the dentist for thursday 2pm", expect: [lookup, update(6, { due_at: "2026-11-26T14:00:00.000Z" })] },
  {
    say: "put the dentist appointment on dec 10 at 3:30pm",
    expect: [lookup, update(6, { due_at: "2026-12-10T15:30:00.000Z" })],
  },
  {
    say: "make the report due monday at 5pm",
    expect: [lookup, update(2, { due_at: "2026-11-23T17:00:00.000Z" })],
  },
  { say: "postpone task 11", expect: [update(11, { due_at: MON_9 })] },
  {
    say: "move the team meeting to tomorrow at 4pm",
    expect: [lookup, update(1, { due_at: "2026-11-23T16:00:00.000Z" })],
  },
  {
    say: "set the due date of task 4 to Dec 3rd",
    expect: [update(4, { due_at: "2026-12-03T09:00:00.000Z" })],
  },
  { say: "task 3 is due tomorrow at noon", expect: [update(3, { due_at: "2026-11-23T12:00:00.000Z" })] },
  { say: "remove the due date from task 6", expect: [update(6, { due_at: null })] },
  {
    say: "add the tag errands to task 5",
    expect: [lookup, update(5, { tags: ["shopping", "errands"] })],
  },
  { say: "untag work from task 2", expect: [lookup, update(2, { tags: [] })] },
  { say: "remove the urgent tag from task 4", expect: [lookup, update(4, { tags: ["home"] })] },
  {
    say: "add a note to task 6: bring the insurance card",
    expect: [update(6, { description: "bring the insurance card" })],
  },
  {
    say: "change task 3 to tomorrow at 5pm",
    expect: [update(3, { due_at: "2026-11-23T17:00:00.000Z" })],
  },
  {
    say: "move task 3 to tomorrow at 9am",
    timeZone: PARIS,
    expect: [update(3, { due_at: "2026-11-23T08:00:00.000Z", timezone: PARIS })],
  },
  {
    say: "push task 11 to friday at 10am",
    timeZone: NEW_YORK,
    expect: [update(11, { due_at: "2026-11-27T15:00:00.000Z" })],
  },
  { say: "edit task 10: water the plants and herbs", expect: [update(10, { title: "Water the plants and herbs" })] },
  { say: "tag task 99 as urgent", expect: [lookup], reply: NO_TASK(99) },
  { say: "rename the call task to phone calls", expect: [lookup], reply: WHICH_ONE },
  {
    say: "change the meeting task to 'Team meeting at 4'",
    expect: [lookup, update(1, { title: "Team meeting at 4" })],
  },
  {
    say: "make task 10 repeat every saturday and sunday",
    expect: [update(10, { recurrence: "FREQ=WEEKLY;BYDAY=SA,SU" })],
  },
  { say: "stop repeating task 10", expect: [update(10, { recurrence: null })] },
  {
    say: "make the plumber task repeat every month",
    expect: [lookup, update(4, { recurrence: "FREQ=MONTHLY" })],
  },
  { say: "task 4 should be tagged home and weekend", expect: [lookup, update(4, { tags: ["home", "weekend"] })] },
  {
    say: "remind me about task 6 tomorrow at 8am",
    expect: [update(6, { remind_at: "2026-11-23T08:00:00.000Z" })],
  },
  { say: "chnage task 1 to 'Weekly team meeting'", expect: [update(1, { title: "Weekly team meeting" })] },
  { say: "push the passport to next monday", expect: [lookup, update(8, { due_at: MON_9 })] },
  { say: "deprioritize the quarterly report", expect: [lookup, update(2, { priority: "low" })] },
  {
    say: "snooze the plumber",
    expect: [lookup, update(4, { due_at: MON_9 })],
  },

  // ---------------------------------------------------------------------------------------------------------
  // Small talk and things that are not task requests: a short answer, no tool call.
  { say: "hello", expect: [] },
  { say: "thank you so much", expect: [] },
  { say: "bye", expect: [] },
  { say: "help", expect: [] },
  { say: "how does this work?", expect: [] },
  { say: "helo", expect: [] },
  { say: "what's the weather like?", expect: [] },
];
