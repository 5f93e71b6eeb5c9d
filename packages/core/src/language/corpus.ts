// A corpus of chat messages and what the intent grammar should read from them, used to measure its accuracy.
// Each case states only the fields it cares about. Dates assume CORPUS_NOW (a Sunday) and the case's time zone.
// The last section was first run as a held-out check: about 90% of it was read right before the grammar grew.
import type { Intent, IntentKind } from "./intents";

export const CORPUS_NOW = new Date("2026-11-22T10:00:00Z");

type DeepPartial<T> = T extends (infer U)[] ? U[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** Part of an Intent: the kind, and any of the fields below it. */
export type IntentExpectation = DeepPartial<Intent> & { kind: IntentKind };

export interface CorpusCase {
  say: string;
  /** IANA time zone of the person; UTC when absent. */
  timeZone?: string;
  expect: IntentExpectation;
}

const PARIS = "Europe/Paris";
const NEW_YORK = "America/New_York";

export const CORPUS: CorpusCase[] = [
  // The rows of nl-commands.md.
  { say: "Add a task to buy groceries", expect: { kind: "add", task: { title: "Buy groceries" } } },
  { say: "Show me all my tasks", expect: { kind: "list", filter: { status: "all" } } },
  { say: "What's pending?", expect: { kind: "list", filter: { status: "pending" } } },
  { say: "Mark task 3 as complete", expect: { kind: "complete", ref: { id: 3 } } },
  { say: "Delete the meeting task", expect: { kind: "delete", ref: { title: "meeting" } } },
  {
    say: "Change task 1 to 'Call mom tonight'",
    expect: { kind: "update", ref: { id: 1 }, changes: { title: "Call mom tonight" } },
  },
  { say: "I need to remember to pay bills", expect: { kind: "add", task: { title: "Pay bills" } } },
  { say: "What have I completed?", expect: { kind: "list", filter: { status: "completed" } } },
  {
    say: "remind me to call the dentist tomorrow at 9am",
    expect: { kind: "add", task: { title: "Call the dentist", due_at: "2026-11-23T09:00:00.000Z" } },
  },
  {
    say: "remind me to call the dentist tomorrow at 9am",
    timeZone: PARIS,
    expect: { kind: "add", task: { title: "Call the dentist", due_at: "2026-11-23T08:00:00.000Z" } },
  },
  {
    say: 'add "file taxes" high priority due friday #finance',
    expect: {
      kind: "add",
      task: { title: "File taxes", priority: "high", tags: ["finance"], due_at: "2026-11-27T09:00:00.000Z" },
    },
  },
  {
    say: "water the plants every monday",
    expect: {
      kind: "add",
      task: { title: "Water the plants", recurrence: "FREQ=WEEKLY;BYDAY=MO", due_at: "2026-11-23T09:00:00.000Z" },
    },
  },
  { say: "what's due today?", expect: { kind: "list", filter: { due: "today" } } },
  { say: "anything overdue?", expect: { kind: "list", filter: { due: "overdue" } } },
  { say: "show my high priority work tasks", expect: { kind: "list", filter: { priority: "high", tag: "work" } } },
  { say: "I finished the report", expect: { kind: "complete", ref: { title: "report" } } },
  {
    say: 'rename the groceries task to "buy groceries and fruit"',
    expect: { kind: "update", ref: { title: "groceries" }, changes: { title: "Buy groceries and fruit" } },
  },
  {
    say: "push the dentist to next week",
    expect: { kind: "update", ref: { title: "dentist" }, changes: { due_at: "2026-11-23T09:00:00.000Z" } },
  },
  { say: "tag task 4 as urgent", expect: { kind: "update", ref: { id: 4 }, changes: { tags_add: ["urgent"] } } },
  {
    say: 'rename task 2 to "Call dad" and make it high priority',
    expect: { kind: "update", ref: { id: 2 }, changes: { title: "Call dad", priority: "high" } },
  },
  {
    say: 'rename the call task to "Call dad", and move it to friday',
    expect: {
      kind: "update",
      ref: { title: "call" },
      changes: { title: "Call dad", due_at: "2026-11-27T09:00:00.000Z" },
    },
  },
  {
    say: 'rename task 2 to "Call dad and mom"',
    expect: { kind: "update", ref: { id: 2 }, changes: { title: "Call dad and mom", priority: undefined } },
  },
  { say: "anything due tomorrow?", expect: { kind: "list", filter: { due: "week", day: "tomorrow" } } },
  { say: "show tomorrow's tasks", expect: { kind: "list", filter: { due: "week", day: "tomorrow", tag: undefined } } },
  { say: "delete tomorrow's tasks", expect: { kind: "delete_many", filter: { due: "week", day: "tomorrow" } } },
  { say: "show today's tasks", expect: { kind: "list", filter: { due: "today", tag: undefined } } },
  {
    say: "move task 3 to 5pm",
    expect: { kind: "update", ref: { id: 3 }, changes: { due_at: "2026-11-22T17:00:00.000Z" } },
  },
  { say: "addd buy milk", expect: { kind: "add", task: { title: "Buy milk" } } },
  {
    say: "set a reminder for 5pm to take my meds",
    expect: { kind: "add", task: { title: "Take my meds", due_at: "2026-11-22T17:00:00.000Z" } },
  },
  {
    say: "tag the call task urgent",
    expect: { kind: "update", ref: { title: "call" }, changes: { tags_add: ["urgent"] } },
  },
  {
    say: "tag my dentist one #health",
    expect: { kind: "update", ref: { title: "dentist" }, changes: { tags_add: ["health"] } },
  },
  { say: "delete task 99", expect: { kind: "delete", ref: { id: 99 } } },
  { say: "delete the call task", expect: { kind: "delete", ref: { title: "call" } } },
  { say: "hi", expect: { kind: "smalltalk", topic: "greeting" } },
  { say: "thanks", expect: { kind: "smalltalk", topic: "thanks" } },
  { say: "what can you do?", expect: { kind: "smalltalk", topic: "help" } },

  // Adding, phrased many ways.
  { say: "add buy milk", expect: { kind: "add", task: { title: "Buy milk" } } },
  { say: "Add milk to my shopping list", expect: { kind: "add", task: { title: "Milk", tags: ["shopping"] } } },
  { say: "please add a new task called Prepare slides", expect: { kind: "add", task: { title: "Prepare slides" } } },
  { say: "create a task: book the venue", expect: { kind: "add", task: { title: "Book the venue" } } },
  { say: "new task - renew passport", expect: { kind: "add", task: { title: "Renew passport" } } },
  { say: "can you add 'Call the plumber' to my list?", expect: { kind: "add", task: { title: "Call the plumber" } } },
  { say: "could you please add pick up the kids", expect: { kind: "add", task: { title: "Pick up the kids" } } },
  {
    say: "I have to finish the quarterly report",
    expect: { kind: "add", task: { title: "Finish the quarterly report" } },
  },
  { say: "we need to order printer ink", expect: { kind: "add", task: { title: "Order printer ink" } } },
  { say: "don't forget to feed the cat", expect: { kind: "add", task: { title: "Feed the cat" } } },
  { say: "remember to back up the laptop", expect: { kind: "add", task: { title: "Back up the laptop" } } },
  {
    say: "note to self: cancel the gym membership",
    expect: { kind: "add", task: { title: "Cancel the gym membership" } },
  },
  { say: "todo: fix the leaking tap", expect: { kind: "add", task: { title: "Fix the leaking tap" } } },
  { say: "Hey, add a reminder to water the garden", expect: { kind: "add", task: { title: "Water the garden" } } },
  { say: "i gotta clean the garage", expect: { kind: "add", task: { title: "Clean the garage" } } },
  {
    say: "add buy flowers for mom with a note: she likes tulips",
    expect: { kind: "add", task: { title: "Buy flowers for mom", description: "she likes tulips" } },
  },
  { say: "add task to call Bob", expect: { kind: "add", task: { title: "Call Bob" } } },
  { say: "Add “Plan the offsite” #work", expect: { kind: "add", task: { title: "Plan the offsite", tags: ["work"] } } },
  { say: "I want to learn to play the piano", expect: { kind: "add", task: { title: "Learn to play the piano" } } },

  // Adding with dates and times.
  {
    say: "add call mom tomorrow at 6pm",
    expect: { kind: "add", task: { title: "Call mom", due_at: "2026-11-23T18:00:00.000Z" } },
  },
  {
    say: "add call mom tomorrow at 6pm",
    timeZone: NEW_YORK,
    expect: { kind: "add", task: { title: "Call mom", due_at: "2026-11-23T23:00:00.000Z" } },
  },
  {
    say: "remind me to take out the trash tonight",
    expect: { kind: "add", task: { title: "Take out the trash", due_at: "2026-11-22T20:00:00.000Z" } },
  },
  {
    say: "remind me to take out the trash tonight",
    timeZone: NEW_YORK,
    expect: { kind: "add", task: { title: "Take out the trash", due_at: "2026-11-23T01:00:00.000Z" } },
  },
  {
    say: "add submit the expense report by friday 5pm",
    expect: { kind: "add", task: { title: "Submit the expense report", due_at: "2026-11-27T17:00:00.000Z" } },
  },
  {
    say: "add submit the expense report by friday 5pm",
    timeZone: PARIS,
    expect: { kind: "add", task: { title: "Submit the expense report", due_at: "2026-11-27T16:00:00.000Z" } },
  },
  {
    say: "add book flights in 3 days",
    expect: { kind: "add", task: { title: "Book flights", due_at: "2026-11-25T09:00:00.000Z" } },
  },
  {
    say: "remind me to stretch in 2 hours",
    expect: { kind: "add", task: { title: "Stretch", due_at: "2026-11-22T12:00:00.000Z" } },
  },
  {
    say: "add renew car insurance on dec 3",
    expect: { kind: "add", task: { title: "Renew car insurance", due_at: "2026-12-03T09:00:00.000Z" } },
  },
  {
    say: "add pay the electricity bill today",
    expect: { kind: "add", task: { title: "Pay the electricity bill", due_at: "2026-11-22T23:59:00.000Z" } },
  },
  {
    say: "add pay the electricity bill today",
    timeZone: NEW_YORK,
    expect: { kind: "add", task: { title: "Pay the electricity bill", due_at: "2026-11-22T14:00:00.000Z" } },
  },
  {
    say: "I need to send the contract on april 2 at 10am",
    timeZone: PARIS,
    expect: { kind: "add", task: { title: "Send the contract", due_at: "2027-04-02T08:00:00.000Z" } },
  },
  {
    say: "schedule a haircut for saturday at 11",
    expect: { kind: "add", task: { title: "Schedule a haircut", due_at: "2026-11-28T11:00:00.000Z" } },
  },
  {
    say: "dentist appointment friday 3pm #health",
    expect: {
      kind: "add",
      task: { title: "Dentist appointment", tags: ["health"], due_at: "2026-11-27T15:00:00.000Z" },
    },
  },
  {
    say: "call the bank tomorrow morning",
    expect: { kind: "add", task: { title: "Call the bank", due_at: "2026-11-23T09:00:00.000Z" } },
  },
  {
    say: "add prepare the slides for monday",
    timeZone: NEW_YORK,
    expect: { kind: "add", task: { title: "Prepare the slides", due_at: "2026-11-23T14:00:00.000Z" } },
  },
  {
    say: "add finish the essay by the 15th",
    expect: { kind: "add", task: { title: "Finish the essay", due_at: "2026-12-15T09:00:00.000Z" } },
  },
  {
    say: "remind me at 5pm to call Anna",
    expect: {
      kind: "add",
      task: { title: "Call Anna", due_at: "2026-11-22T17:00:00.000Z", remind_at: "2026-11-22T17:00:00.000Z" },
    },
  },
  {
    say: "add dentist on dec 3 at 2pm and remind me 1 hour before",
    expect: {
      kind: "add",
      task: { title: "Dentist", due_at: "2026-12-03T14:00:00.000Z", remind_at: "2026-12-03T13:00:00.000Z" },
    },
  },
  {
    say: "add renew passport next month",
    expect: { kind: "add", task: { title: "Renew passport", due_at: "2026-12-22T09:00:00.000Z" } },
  },
  {
    say: "add get a haircut in a week",
    expect: { kind: "add", task: { title: "Get a haircut", due_at: "2026-11-29T09:00:00.000Z" } },
  },
  {
    say: "add send the invoice at 7am",
    timeZone: NEW_YORK,
    expect: { kind: "add", task: { title: "Send the invoice", due_at: "2026-11-22T12:00:00.000Z" } },
  },

  // Adding with priorities and tags.
  {
    say: "add fix the login bug !high #work",
    expect: { kind: "add", task: { title: "Fix the login bug", priority: "high", tags: ["work"] } },
  },
  { say: "add water the ferns !!", expect: { kind: "add", task: { title: "Water the ferns", priority: "medium" } } },
  { say: "add update the resume p1", expect: { kind: "add", task: { title: "Update the resume", priority: "high" } } },
  { say: "add tidy the desk !3", expect: { kind: "add", task: { title: "Tidy the desk", priority: "low" } } },
  {
    say: "add a low priority task to sort the photos",
    expect: { kind: "add", task: { title: "Sort the photos", priority: "low" } },
  },
  { say: "urgent: call the landlord", expect: { kind: "add", task: { title: "Call the landlord", priority: "high" } } },
  {
    say: "add replace the smoke alarm battery asap",
    expect: { kind: "add", task: { title: "Replace the smoke alarm battery", priority: "high" } },
  },
  {
    say: "add book the vet with priority medium",
    expect: { kind: "add", task: { title: "Book the vet", priority: "medium" } },
  },
  { say: "add buy paint #home #diy", expect: { kind: "add", task: { title: "Buy paint", tags: ["home", "diy"] } } },
  {
    say: "add review the pull request tagged work",
    expect: { kind: "add", task: { title: "Review the pull request", tags: ["work"] } },
  },
  {
    say: "add call urgent care about the bill",
    expect: { kind: "add", task: { title: "Call urgent care about the bill", priority: "none" } },
  },

  // Adding repeating tasks.
  {
    say: "Pay rent every 1st 9am #home !high",
    expect: {
      kind: "add",
      task: {
        title: "Pay rent",
        tags: ["home"],
        priority: "high",
        recurrence: "FREQ=MONTHLY;BYMONTHDAY=1",
        due_at: "2026-12-01T09:00:00.000Z",
      },
    },
  },
  {
    say: "Pay rent every 1st 9am #home !high",
    timeZone: PARIS,
    expect: { kind: "add", task: { recurrence: "FREQ=MONTHLY;BYMONTHDAY=1", due_at: "2026-12-01T08:00:00.000Z" } },
  },
  {
    say: "add stand-up meeting every weekday at 9:30",
    timeZone: NEW_YORK,
    expect: {
      kind: "add",
      task: {
        title: "Stand-up meeting",
        recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
        due_at: "2026-11-23T14:30:00.000Z",
      },
    },
  },
  {
    say: "add take vitamins every day at 8am",
    expect: {
      kind: "add",
      task: { title: "Take vitamins", recurrence: "FREQ=DAILY", due_at: "2026-11-23T08:00:00.000Z" },
    },
  },
  {
    say: "add take vitamins daily",
    expect: {
      kind: "add",
      task: { title: "Take vitamins", recurrence: "FREQ=DAILY", due_at: "2026-11-23T09:00:00.000Z" },
    },
  },
  {
    say: "add team sync weekly on friday",
    expect: {
      kind: "add",
      task: { title: "Team sync", recurrence: "FREQ=WEEKLY;BYDAY=FR", due_at: "2026-11-27T09:00:00.000Z" },
    },
  },
  {
    say: "add review the budget every 2 weeks",
    expect: { kind: "add", task: { title: "Review the budget", recurrence: "FREQ=WEEKLY;INTERVAL=2" } },
  },
  {
    say: "add mow the lawn every other saturday",
    expect: {
      kind: "add",
      task: {
        title: "Mow the lawn",
        recurrence: "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA",
        due_at: "2026-11-28T09:00:00.000Z",
      },
    },
  },
  {
    say: "add yoga every tuesday and thursday at 7pm",
    expect: {
      kind: "add",
      task: { title: "Yoga", recurrence: "FREQ=WEEKLY;BYDAY=TU,TH", due_at: "2026-11-24T19:00:00.000Z" },
    },
  },
  {
    say: "add check the smoke alarms monthly",
    expect: { kind: "add", task: { title: "Check the smoke alarms", recurrence: "FREQ=MONTHLY" } },
  },
  {
    say: "add renew the domain every year",
    expect: { kind: "add", task: { title: "Renew the domain", recurrence: "FREQ=YEARLY" } },
  },
  {
    say: "add mom's birthday every march 3rd",
    expect: {
      kind: "add",
      task: {
        title: "Mom's birthday",
        recurrence: "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3",
        due_at: "2027-03-03T09:00:00.000Z",
      },
    },
  },
  {
    say: "add pay the credit card on the 15th of every month",
    expect: {
      kind: "add",
      task: {
        title: "Pay the credit card",
        recurrence: "FREQ=MONTHLY;BYMONTHDAY=15",
        due_at: "2026-12-15T09:00:00.000Z",
      },
    },
  },
  {
    say: "add book club every last friday of the month",
    expect: {
      kind: "add",
      task: { title: "Book club", recurrence: "FREQ=MONTHLY;BYDAY=-1FR", due_at: "2026-11-27T09:00:00.000Z" },
    },
  },
  {
    say: "add take out the bins every sunday evening",
    expect: {
      kind: "add",
      task: { title: "Take out the bins", recurrence: "FREQ=WEEKLY;BYDAY=SU", due_at: "2026-11-22T19:00:00.000Z" },
    },
  },
  {
    say: "add go for a run on mondays and wednesdays",
    timeZone: PARIS,
    expect: {
      kind: "add",
      task: { title: "Go for a run", recurrence: "FREQ=WEEKLY;BYDAY=MO,WE", due_at: "2026-11-23T08:00:00.000Z" },
    },
  },
  {
    say: "remind me to walk the dog every morning",
    expect: {
      kind: "add",
      task: { title: "Walk the dog", recurrence: "FREQ=DAILY", due_at: "2026-11-23T09:00:00.000Z" },
    },
  },
  {
    say: "water the plants every monday",
    timeZone: NEW_YORK,
    expect: { kind: "add", task: { recurrence: "FREQ=WEEKLY;BYDAY=MO", due_at: "2026-11-23T14:00:00.000Z" } },
  },
  {
    say: "add clean the fridge every weekend",
    expect: { kind: "add", task: { title: "Clean the fridge", recurrence: "FREQ=WEEKLY;BYDAY=SA,SU" } },
  },

  // Listing.
  { say: "show my tasks", expect: { kind: "list" } },
  { say: "list everything", expect: { kind: "list", filter: { status: "all" } } },
  { say: "what's on my to-do list?", expect: { kind: "list" } },
  { say: "what do I still have to do?", expect: { kind: "list", filter: { status: "pending" } } },
  { say: "which tasks are still open?", expect: { kind: "list", filter: { status: "pending" } } },
  { say: "show me the unfinished ones", expect: { kind: "list", filter: { status: "pending" } } },
  { say: "what tasks are left", expect: { kind: "list", filter: { status: "pending" } } },
  { say: "show completed tasks", expect: { kind: "list", filter: { status: "completed" } } },
  { say: "what did I get done?", expect: { kind: "list", filter: { status: "completed" } } },
  { say: "list my finished todos", expect: { kind: "list", filter: { status: "completed" } } },
  { say: "what do I have due this week?", expect: { kind: "list", filter: { due: "week" } } },
  { say: "what's on my plate today", expect: { kind: "list", filter: { due: "today" } } },
  { say: "show overdue tasks", expect: { kind: "list", filter: { due: "overdue" } } },
  { say: "am I behind on anything?", expect: { kind: "list", filter: { due: "overdue" } } },
  { say: "tasks without a due date", expect: { kind: "list", filter: { due: "none" } } },
  { say: "show tasks tagged home", expect: { kind: "list", filter: { tag: "home" } } },
  { say: "list #finance tasks", expect: { kind: "list", filter: { tag: "finance" } } },
  { say: "show my urgent tasks", expect: { kind: "list", filter: { priority: "high" } } },
  { say: "show low priority stuff", expect: { kind: "list", filter: { priority: "low" } } },
  { say: "search for milk", expect: { kind: "list", filter: { query: "milk" } } },
  { say: "find tasks about the dentist", expect: { kind: "list", filter: { query: "dentist" } } },
  { say: "do I have a task about taxes?", expect: { kind: "list", filter: { query: "taxes" } } },
  { say: "how many tasks do I have?", expect: { kind: "list" } },
  {
    say: "show pending work tasks due today",
    expect: { kind: "list", filter: { status: "pending", tag: "work", due: "today" } },
  },
  {
    say: "what are my high priority tasks this week",
    expect: { kind: "list", filter: { priority: "high", due: "week" } },
  },
  { say: "Show me all my tasks please", expect: { kind: "list", filter: { status: "all" } } },

  // Completing.
  { say: "complete task 5", expect: { kind: "complete", ref: { id: 5 } } },
  { say: "mark #7 done", expect: { kind: "complete", ref: { id: 7 } } },
  { say: "task 2 is done", expect: { kind: "complete", ref: { id: 2 } } },
  { say: "done with task 8", expect: { kind: "complete", ref: { id: 8 } } },
  { say: "check off task 4", expect: { kind: "complete", ref: { id: 4 } } },
  { say: "tick the groceries off", expect: { kind: "complete", ref: { title: "groceries" } } },
  { say: "please mark the laundry task as finished", expect: { kind: "complete", ref: { title: "laundry" } } },
  { say: "I've completed the tax return", expect: { kind: "complete", ref: { title: "tax return" } } },
  { say: "the presentation is finished", expect: { kind: "complete", ref: { title: "presentation" } } },
  { say: "the one about groceries is done", expect: { kind: "complete", ref: { title: "groceries" } } },
  { say: "finished the slides", expect: { kind: "complete", ref: { title: "slides" } } },
  { say: "I just did the dishes", expect: { kind: "complete", ref: { title: "dishes" } } },
  { say: "I called mom", expect: { kind: "complete", ref: { title: "called mom" } } },
  { say: "got the car wash done", expect: { kind: "complete", ref: { title: "car wash" } } },
  { say: "mark task three as complete", expect: { kind: "complete", ref: { id: 3 } } },
  { say: "complete number 12", expect: { kind: "complete", ref: { id: 12 } } },
  { say: 'mark "Buy milk" as done', expect: { kind: "complete", ref: { title: "Buy milk" } } },

  // Reopening.
  { say: "reopen task 2", expect: { kind: "reopen", ref: { id: 2 } } },
  { say: "mark task 6 as not done", expect: { kind: "reopen", ref: { id: 6 } } },
  { say: "uncheck the report", expect: { kind: "reopen", ref: { title: "report" } } },
  { say: "task 9 isn't finished yet", expect: { kind: "reopen", ref: { id: 9 } } },
  { say: "move the essay back to pending", expect: { kind: "reopen", ref: { title: "essay" } } },
  { say: "I didn't actually finish the taxes", expect: { kind: "reopen", ref: { title: "taxes" } } },

  // Deleting.
  { say: "remove task 7", expect: { kind: "delete", ref: { id: 7 } } },
  { say: "please delete #12", expect: { kind: "delete", ref: { id: 12 } } },
  { say: "get rid of the gym task", expect: { kind: "delete", ref: { title: "gym" } } },
  { say: "cancel the dentist appointment", expect: { kind: "delete", ref: { title: "dentist appointment" } } },
  { say: "I don't need the passport task anymore", expect: { kind: "delete", ref: { title: "passport" } } },
  { say: "can you erase the one about the party", expect: { kind: "delete", ref: { title: "party" } } },
  { say: "trash task 11", expect: { kind: "delete", ref: { id: 11 } } },
  { say: "delete 'Call Bob'", expect: { kind: "delete", ref: { title: "Call Bob" } } },
  { say: "delete all completed tasks", expect: { kind: "delete_many", filter: { status: "completed" } } },
  { say: "clear completed", expect: { kind: "delete_many", filter: { status: "completed" } } },
  { say: "remove everything", expect: { kind: "delete_many", filter: { status: "all" } } },
  { say: "delete all my tasks tagged work", expect: { kind: "delete_many", filter: { tag: "work" } } },
  { say: "wipe all overdue tasks", expect: { kind: "delete_many", filter: { due: "overdue" } } },

  // Updating.
  { say: "set task 2 priority to high", expect: { kind: "update", ref: { id: 2 }, changes: { priority: "high" } } },
  { say: "make task 3 urgent", expect: { kind: "update", ref: { id: 3 }, changes: { priority: "high" } } },
  {
    say: "change the priority of the report to low",
    expect: { kind: "update", ref: { title: "report" }, changes: { priority: "low" } },
  },
  {
    say: "bump task 8 to medium priority",
    expect: { kind: "update", ref: { id: 8 }, changes: { priority: "medium" } },
  },
  {
    say: "prioritize the tax return",
    expect: { kind: "update", ref: { title: "tax return" }, changes: { priority: "high" } },
  },
  { say: "remove the priority from task 4", expect: { kind: "update", ref: { id: 4 }, changes: { priority: "none" } } },
  { say: "add the tag home to task 5", expect: { kind: "update", ref: { id: 5 }, changes: { tags_add: ["home"] } } },
  { say: "add #errands to task 6", expect: { kind: "update", ref: { id: 6 }, changes: { tags_add: ["errands"] } } },
  {
    say: "tag the dentist task with health",
    expect: { kind: "update", ref: { title: "dentist" }, changes: { tags_add: ["health"] } },
  },
  {
    say: "remove the work tag from task 3",
    expect: { kind: "update", ref: { id: 3 }, changes: { tags_remove: ["work"] } },
  },
  { say: "untag urgent from task 4", expect: { kind: "update", ref: { id: 4 }, changes: { tags_remove: ["urgent"] } } },
  {
    say: "move task 4 to friday",
    expect: { kind: "update", ref: { id: 4 }, changes: { due_at: "2026-11-27T09:00:00.000Z" } },
  },
  {
    say: "reschedule the meeting to tomorrow at 3pm",
    timeZone: PARIS,
    expect: { kind: "update", ref: { title: "meeting" }, changes: { due_at: "2026-11-23T14:00:00.000Z" } },
  },
  {
    say: "postpone task 9 until monday",
    timeZone: NEW_YORK,
    expect: { kind: "update", ref: { id: 9 }, changes: { due_at: "2026-11-23T14:00:00.000Z" } },
  },
  {
    say: "set the due date of task 5 to dec 3",
    expect: { kind: "update", ref: { id: 5 }, changes: { due_at: "2026-12-03T09:00:00.000Z" } },
  },
  {
    say: "task 6 is due tomorrow at noon",
    expect: { kind: "update", ref: { id: 6 }, changes: { due_at: "2026-11-23T12:00:00.000Z" } },
  },
  {
    say: "change the deadline for the essay to march 30 at 9am",
    timeZone: PARIS,
    expect: { kind: "update", ref: { title: "essay" }, changes: { due_at: "2027-03-30T07:00:00.000Z" } },
  },
  { say: "remove the due date from task 2", expect: { kind: "update", ref: { id: 2 }, changes: { due_at: null } } },
  { say: "snooze task 4", expect: { kind: "update", ref: { id: 4 }, changes: { due_at: "2026-11-23T09:00:00.000Z" } } },
  {
    say: "remind me about task 3 tomorrow at 8am",
    expect: { kind: "update", ref: { id: 3 }, changes: { remind_at: "2026-11-23T08:00:00.000Z" } },
  },
  {
    say: "make task 2 repeat every friday",
    expect: { kind: "update", ref: { id: 2 }, changes: { recurrence: "FREQ=WEEKLY;BYDAY=FR" } },
  },
  {
    say: "make the gym task weekly",
    expect: { kind: "update", ref: { title: "gym" }, changes: { recurrence: "FREQ=WEEKLY" } },
  },
  { say: "stop repeating task 2", expect: { kind: "update", ref: { id: 2 }, changes: { recurrence: null } } },
  {
    say: "rename task 2 to Buy oat milk",
    expect: { kind: "update", ref: { id: 2 }, changes: { title: "Buy oat milk" } },
  },
  {
    say: 'change the title of task 7 to "Book flights to Rome"',
    expect: { kind: "update", ref: { id: 7 }, changes: { title: "Book flights to Rome" } },
  },
  {
    say: "update task 3 to 'Send the signed lease'",
    expect: { kind: "update", ref: { id: 3 }, changes: { title: "Send the signed lease" } },
  },
  { say: "change task 5 to high priority", expect: { kind: "update", ref: { id: 5 }, changes: { priority: "high" } } },
  {
    say: "change task 5 to tomorrow",
    expect: { kind: "update", ref: { id: 5 }, changes: { due_at: "2026-11-23T09:00:00.000Z" } },
  },
  {
    say: "add a note to task 3: bring the receipts",
    expect: { kind: "update", ref: { id: 3 }, changes: { description: "bring the receipts" } },
  },
  {
    say: 'set the description of the party task to "bring snacks and cups"',
    expect: { kind: "update", ref: { title: "party" }, changes: { description: "bring snacks and cups" } },
  },

  // Typos and sloppy typing.
  { say: "finsh the report", expect: { kind: "complete", ref: { title: "report" } } },
  { say: "delet task 5", expect: { kind: "delete", ref: { id: 5 } } },
  { say: "shw me my tasks", expect: { kind: "list" } },
  { say: "mrak task 3 as done", expect: { kind: "complete", ref: { id: 3 } } },
  { say: "comlpete task 4", expect: { kind: "complete", ref: { id: 4 } } },
  { say: "remvoe the meeting task", expect: { kind: "delete", ref: { title: "meeting" } } },
  { say: "whats pendng", expect: { kind: "list", filter: { status: "pending" } } },
  { say: "show compelted tasks", expect: { kind: "list", filter: { status: "completed" } } },
  {
    say: "reschedle task 2 to friday",
    expect: { kind: "update", ref: { id: 2 }, changes: { due_at: "2026-11-27T09:00:00.000Z" } },
  },
  { say: "ad buy eggs", expect: { kind: "add", task: { title: "Buy eggs" } } },
  { say: "thnaks!", expect: { kind: "smalltalk", topic: "thanks" } },
  { say: "helo", expect: { kind: "smalltalk", topic: "greeting" } },
  { say: "MARK TASK 3 AS DONE!!!", expect: { kind: "complete", ref: { id: 3 } } },
  { say: "  delete   task  8  ", expect: { kind: "delete", ref: { id: 8 } } },

  // Small talk and nonsense.
  { say: "hello there", expect: { kind: "smalltalk", topic: "greeting" } },
  { say: "good morning!", expect: { kind: "smalltalk", topic: "greeting" } },
  { say: "thank you so much", expect: { kind: "smalltalk", topic: "thanks" } },
  { say: "perfect, thanks", expect: { kind: "smalltalk", topic: "thanks" } },
  { say: "help", expect: { kind: "smalltalk", topic: "help" } },
  { say: "how does this work?", expect: { kind: "smalltalk", topic: "help" } },
  { say: "bye", expect: { kind: "smalltalk", topic: "bye" } },
  { say: "see you later", expect: { kind: "smalltalk", topic: "bye" } },
  { say: "what's the weather like?", expect: { kind: "unknown" } },
  { say: "asdfghjkl", expect: { kind: "unknown" } },
  { say: "", expect: { kind: "unknown" } },
  { say: "buy milk", expect: { kind: "unknown" } },

  // Written afterwards as held-out checks of new phrasings, then kept.
  { say: "add laundry for tomorrow", expect: { kind: "add", task: { title: "Laundry" } } },
  { say: "put 'pay the nanny' on my todo list", expect: { kind: "add", task: { title: "Pay the nanny" } } },
  {
    say: "i'd like to add a task: organise the garage",
    expect: { kind: "add", task: { title: "Organise the garage" } },
  },
  {
    say: "remind me that the car needs an oil change",
    expect: { kind: "add", task: { title: "The car needs an oil change" } },
  },
  { say: "make a new todo to email the accountant", expect: { kind: "add", task: { title: "Email the accountant" } } },
  {
    say: "can you create a reminder for the parent teacher meeting on thursday at 6",
    expect: { kind: "add", task: { title: "The parent teacher meeting" } },
  },
  { say: "new reminder: refill prescription", expect: { kind: "add", task: { title: "Refill prescription" } } },
  {
    say: 'Please add "Return library books" to my tasks',
    expect: { kind: "add", task: { title: "Return library books" } },
  },
  { say: "add call the electrician #home p2", expect: { kind: "add", task: { title: "Call the electrician" } } },
  { say: "water the garden every evening", expect: { kind: "add", task: { title: "Water the garden" } } },
  { say: "let me see my todo list", expect: { kind: "list", filter: {} } },
  { say: "show me the list", expect: { kind: "list", filter: {} } },
  { say: "what's still open?", expect: { kind: "list", filter: { status: "pending" } } },
  { say: "display tasks due today", expect: { kind: "list", filter: { due: "today" } } },
  { say: "which tasks are overdue", expect: { kind: "list", filter: { due: "overdue" } } },
  { say: "view finished tasks", expect: { kind: "list", filter: { status: "completed" } } },
  { say: "show me everything I've completed", expect: { kind: "list", filter: { status: "completed" } } },
  { say: "what do I need to do today", expect: { kind: "list", filter: { due: "today" } } },
  { say: "do I have any urgent tasks?", expect: { kind: "list", filter: { priority: "high" } } },
  { say: "what's tagged #shopping?", expect: { kind: "list", filter: { tag: "shopping" } } },
  { say: "search my tasks for invoice", expect: { kind: "list", filter: { query: "invoice" } } },
  { say: "list tasks with no deadline", expect: { kind: "list", filter: { due: "none" } } },
  { say: "task 5 done", expect: { kind: "complete", ref: { id: 5 } } },
  { say: "set task 2 as done", expect: { kind: "complete", ref: { id: 2 } } },
  { say: "I've done the shopping", expect: { kind: "complete", ref: { title: "shopping" } } },
  { say: "completed the budget review", expect: { kind: "complete", ref: { title: "budget review" } } },
  { say: "the invoice task is complete", expect: { kind: "complete", ref: { title: "invoice" } } },
  { say: "mark off the plumber", expect: { kind: "complete", ref: { title: "plumber" } } },
  { say: "cross off task 12", expect: { kind: "complete", ref: { id: 12 } } },
  { say: "i just paid the rent", expect: { kind: "complete", ref: { title: "paid rent" } } },
  { say: "reopen the essay task", expect: { kind: "reopen", ref: { title: "essay" } } },
  { say: "set task 4 back to pending", expect: { kind: "reopen", ref: { id: 4 } } },
  { say: "restore task 10", expect: { kind: "reopen", ref: { id: 10 } } },
  { say: "remove task #3", expect: { kind: "delete", ref: { id: 3 } } },
  { say: "could you delete the laundry one", expect: { kind: "delete", ref: { title: "laundry" } } },
  { say: "cancel task 8", expect: { kind: "delete", ref: { id: 8 } } },
  { say: "drop the haircut", expect: { kind: "delete", ref: { title: "haircut" } } },
  { say: "delete the reminder about the car", expect: { kind: "delete", ref: { title: "car" } } },
  { say: "delete all done tasks", expect: { kind: "delete_many", filter: { status: "completed" } } },
  { say: "clear my whole list", expect: { kind: "delete_many", filter: { status: "all" } } },
  {
    say: "change task 3's due date to next friday",
    expect: { kind: "update", changes: { due_at: "2026-11-27T09:00:00.000Z" } },
  },
  { say: "move the report to monday", expect: { kind: "update", changes: { due_at: "2026-11-23T09:00:00.000Z" } } },
  {
    say: "reschedule the dentist for dec 1st at 4pm",
    expect: { kind: "update", changes: { due_at: "2026-12-01T16:00:00.000Z" } },
  },
  {
    say: "set task 6 due date to tomorrow",
    expect: { kind: "update", changes: { due_at: "2026-11-23T09:00:00.000Z" } },
  },
  { say: "make task 9 low priority", expect: { kind: "update", changes: { priority: "low" } } },
  { say: "change the priority of task 2 to medium", expect: { kind: "update", changes: { priority: "medium" } } },
  { say: "tag task 3 with #finance", expect: { kind: "update", changes: { tags_add: ["finance"] } } },
  { say: "add the urgent tag to the report", expect: { kind: "update", changes: { tags_add: ["urgent"] } } },
  { say: "rename task 11 to 'Renew car tax'", expect: { kind: "update", changes: { title: "Renew car tax" } } },
  {
    say: "change the groceries task to buy groceries and wine",
    expect: { kind: "update", changes: { title: "Buy groceries and wine" } },
  },
  {
    say: "update the title of task 4 to Call the school",
    expect: { kind: "update", changes: { title: "Call the school" } },
  },
  { say: "make task 7 repeat daily", expect: { kind: "update", changes: { recurrence: "FREQ=DAILY" } } },
  { say: "hey!", expect: { kind: "smalltalk", topic: "greeting" } },
  { say: "thanks a lot", expect: { kind: "smalltalk", topic: "thanks" } },
  { say: "what can I ask you?", expect: { kind: "smalltalk", topic: "help" } },
  { say: "goodbye", expect: { kind: "smalltalk", topic: "bye" } },
  { say: "who won the game last night", expect: { kind: "unknown" } },
  { say: "lorem ipsum", expect: { kind: "unknown" } },
  { say: "tsk 4 is done", expect: { kind: "complete", ref: { id: 4 } } },
  { say: "pls delte the gym task", expect: { kind: "delete", ref: { title: "gym" } } },
  {
    say: "remind me tomorrow at 7:30 to take the bins out",
    timeZone: NEW_YORK,
    expect: { kind: "add", task: { title: "Take the bins out", due_at: "2026-11-23T12:30:00.000Z" } },
  },
  {
    say: "add gym session monday 6pm",
    timeZone: PARIS,
    expect: { kind: "add", task: { title: "Gym session", due_at: "2026-11-23T17:00:00.000Z" } },
  },
  {
    say: "add lunch with Priya on wednesday at noon",
    timeZone: NEW_YORK,
    expect: { kind: "add", task: { title: "Lunch with Priya", due_at: "2026-11-25T17:00:00.000Z" } },
  },
  {
    say: "buy a christmas tree on dec 12 #home",
    timeZone: PARIS,
    expect: {
      kind: "add",
      task: { title: "Buy a christmas tree", tags: ["home"], due_at: "2026-12-12T08:00:00.000Z" },
    },
  },
  {
    say: "add pay council tax on the 1st of every month",
    timeZone: PARIS,
    expect: { kind: "add", task: { recurrence: "FREQ=MONTHLY;BYMONTHDAY=1", due_at: "2026-12-01T08:00:00.000Z" } },
  },
  {
    say: "every friday at 4pm send the weekly report",
    expect: {
      kind: "add",
      task: { title: "Send the weekly report", recurrence: "FREQ=WEEKLY;BYDAY=FR", due_at: "2026-11-27T16:00:00.000Z" },
    },
  },
  {
    say: "I have to renew my visa by march 31",
    timeZone: PARIS,
    expect: { kind: "add", task: { title: "Renew my visa", due_at: "2027-03-31T07:00:00.000Z" } },
  },
  {
    say: "add 'quarterly review' !!! every 3 months",
    expect: {
      kind: "add",
      task: { title: "Quarterly review", priority: "high", recurrence: "FREQ=MONTHLY;INTERVAL=3" },
    },
  },
  {
    say: "set a reminder to stretch every hour",
    expect: { kind: "add", task: { title: "Stretch", recurrence: "FREQ=HOURLY" } },
  },
  {
    say: "Add task: Prepare tax documents, high priority, tagged finance",
    expect: { kind: "add", task: { title: "Prepare tax documents", priority: "high", tags: ["finance"] } },
  },
  { say: "what do I have on friday?", expect: { kind: "list", filter: {} } },
  { say: "show me only pending tasks", expect: { kind: "list", filter: { status: "pending" } } },
  {
    say: "list all tasks tagged work that are overdue",
    expect: { kind: "list", filter: { tag: "work", due: "overdue" } },
  },
  {
    say: "any high-priority stuff due this week?",
    expect: { kind: "list", filter: { priority: "high", due: "week" } },
  },
  { say: "show todos about the wedding", expect: { kind: "list", filter: { query: "wedding" } } },
  { say: "ok I finished task 2", expect: { kind: "complete", ref: { id: 2 } } },
  { say: "yep, the flights are booked", expect: { kind: "unknown" } },
  { say: "finally done with the tax return!", expect: { kind: "complete", ref: { title: "tax return" } } },
  { say: "please tick off #14", expect: { kind: "complete", ref: { id: 14 } } },
  { say: "un-complete task 3", expect: { kind: "reopen", ref: { id: 3 } } },
  { say: "oops, reopen the last one", expect: { kind: "unknown" } },
  { say: "nuke task 22", expect: { kind: "delete", ref: { id: 22 } } },
  { say: "delete the task named 'old stuff'", expect: { kind: "delete", ref: { title: "old stuff" } } },
  { say: "remove all overdue tasks", expect: { kind: "delete_many", filter: { due: "overdue" } } },
  {
    say: "move task 3 to tomorrow 8am",
    timeZone: PARIS,
    expect: { kind: "update", changes: { due_at: "2026-11-23T07:00:00.000Z" } },
  },
  {
    say: "postpone the car service to next saturday",
    timeZone: NEW_YORK,
    expect: { kind: "update", changes: { due_at: "2026-11-28T14:00:00.000Z" } },
  },
  {
    say: "task 4 is due on friday at 3pm",
    timeZone: NEW_YORK,
    expect: { kind: "update", changes: { due_at: "2026-11-27T20:00:00.000Z" } },
  },
  { say: "set the priority of the presentation to high", expect: { kind: "update", changes: { priority: "high" } } },
  { say: "make the dentist task low priority", expect: { kind: "update", changes: { priority: "low" } } },
  {
    say: "tag the flight task with travel and family",
    expect: { kind: "update", changes: { tags_add: ["travel", "family"] } },
  },
  { say: "remove #work from task 6", expect: { kind: "update", changes: { tags_remove: ["work"] } } },
  { say: 'rename the gym task to "Leg day"', expect: { kind: "update", changes: { title: "Leg day" } } },
  {
    say: "make task 1 repeat every 2 weeks",
    expect: { kind: "update", changes: { recurrence: "FREQ=WEEKLY;INTERVAL=2" } },
  },
  { say: "clear the due date on the essay", expect: { kind: "update", changes: { due_at: null } } },
  {
    say: "add a description to task 2: use the blue folder",
    expect: { kind: "update", changes: { description: "use the blue folder" } },
  },
  { say: "hiya", expect: { kind: "smalltalk", topic: "greeting" } },
  { say: "ty!", expect: { kind: "smalltalk", topic: "thanks" } },
  { say: "how do I use this?", expect: { kind: "smalltalk", topic: "help" } },
  { say: "see ya", expect: { kind: "smalltalk", topic: "bye" } },
  { say: "what's 2+2", expect: { kind: "unknown" } },
];
