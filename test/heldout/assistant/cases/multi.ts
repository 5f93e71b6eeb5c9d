// Conversations of 2–4 turns: follow-ups to a list ("the first one", "those", "all of them"), answers to the
// assistant's own question (by position, title or number), confirmations and refusals, corrections of the previous
// action, undo, refinements and questions about the previous answer. A case is right only if every turn is.
import { at, type CaseInput, conv, type SetupTask, wd } from "./helpers";

const mixed: SetupTask[] = [
  { title: "Renew passport", due: at("-3", "10:00"), priority: "high", tags: ["admin"] },
  { title: "Buy cat litter", due: at("today", "23:00"), tags: ["home"] },
  { title: "Prepare board deck", due: at("tomorrow", "14:00"), priority: "high", tags: ["work"] },
  { title: "Book summer holiday", due: at("+20"), priority: "low" },
  { title: "Learn Spanish" },
  { title: "Fix the bike light", tags: ["home"], priority: "medium" },
  { title: "Send thank-you notes", completed: true, tags: ["home"] },
];
const pending = mixed.filter((t) => !t.completed).map((t) => t.title);
const calls: SetupTask[] = [{ title: "Call the plumber" }, { title: "Buy birdseed" }, { title: "Call Aunt May" }];
const overdue: SetupTask[] = [
  { title: "Call the insurer", due: at("-2", "10:00") },
  { title: "Return the library books", due: at("-1", "16:00") },
  { title: "Plan the garden", due: at("+5") },
];
const four: SetupTask[] = [
  { title: "Water the cactus" },
  { title: "Order a new mattress" },
  { title: "Email the school" },
  { title: "Clean the oven" },
];
const old: SetupTask[] = [
  { title: "Old tax receipts", tags: ["old"] },
  { title: "Buy coffee" },
  { title: "Sell the old bike", tags: ["old"] },
  { title: "Throw out the broken chair", tags: ["old", "home"] },
  { title: "Call the landlord" },
];
const oldTitles = ["Old tax receipts", "Sell the old bike", "Throw out the broken chair"];
const ask = (...mentions: string[]) => ({ asks: true, mentions });
/** The question before a deletion by tag must name the tagged tasks and none of the others. */
const askOld = { asks: true, mentions: oldTitles, notMentions: ["Buy coffee", "Call the landlord"] };

const followUps: CaseInput[] = [
  conv(
    "conv-01",
    "follow-up",
    "Europe/Paris",
    [
      ["what's still open?", { mentions: pending, notMentions: ["Send thank-you notes"] }],
      ["mark the first one done", { completed: [{ nthInReply: 1, of: pending }] }],
    ],
    { setup: mixed },
  ),
  conv(
    "conv-02",
    "follow-up",
    "America/New_York",
    [
      [
        "what's overdue",
        { mentions: ["Call the insurer", "Return the library books"], notMentions: ["Plan the garden"] },
      ],
      [
        "move all of them to tomorrow",
        {
          changed: [
            { task: "Call the insurer", set: { due: at("tomorrow", "10:00") } },
            { task: "Return the library books", set: { due: at("tomorrow", "16:00") } },
          ],
        },
      ],
    ],
    { setup: overdue },
  ),
  conv(
    "conv-03",
    "follow-up",
    "Asia/Tokyo",
    [
      ["delete the call task", ask("Call the plumber", "Call Aunt May")],
      ["the second one", { deleted: [{ nthInReply: 2, of: ["Call the plumber", "Call Aunt May"] }] }],
    ],
    { setup: calls },
  ),
  conv(
    "conv-04",
    "follow-up",
    "Europe/London",
    [
      ["delete the call task", ask("Call the plumber", "Call Aunt May")],
      ["the plumber", { deleted: ["Call the plumber"] }],
    ],
    { setup: calls },
  ),
  conv(
    "conv-05",
    "follow-up",
    "America/Chicago",
    [
      ["delete the call task", ask("Call the plumber", "Call Aunt May")],
      ["3", { deleted: ["Call Aunt May"] }],
    ],
    { setup: calls },
  ),
  conv(
    "conv-06",
    "follow-up",
    "Australia/Sydney",
    [
      ["complete the call task", ask("Call the plumber", "Call Aunt May")],
      ["both", { completed: ["Call the plumber", "Call Aunt May"] }],
    ],
    { setup: calls },
  ),
  conv("conv-07", "follow-up", "Europe/Berlin", [
    ["add dentist on friday", { created: [{ title: "Dentist", due: at(wd("friday")) }] }],
    ["make it high priority", { changed: [{ task: "Dentist", set: { priority: "high" } }] }],
  ]),
  conv("conv-08", "follow-up", "America/Los_Angeles", [
    ["add pick up the cake", { created: [{ title: "Pick up the cake" }] }],
    [
      "oh and it's due saturday at noon",
      { changed: [{ task: "Pick up the cake", set: { due: at(wd("saturday"), "12:00") } }] },
    ],
  ]),
  conv(
    "conv-09",
    "follow-up",
    "Asia/Kolkata",
    [
      [
        "show my work tasks",
        {
          mentions: ["Draft the Q3 plan", "Update the team wiki", "Email the auditors"],
          notMentions: ["Buy a new lamp"],
        },
      ],
      [
        "which of those are high priority?",
        {
          mentions: ["Draft the Q3 plan", "Email the auditors"],
          notMentions: ["Update the team wiki", "Buy a new lamp"],
        },
      ],
    ],
    {
      setup: [
        { title: "Draft the Q3 plan", tags: ["work"], priority: "high" },
        { title: "Update the team wiki", tags: ["work"], priority: "low" },
        { title: "Buy a new lamp", tags: ["home"], priority: "high" },
        { title: "Email the auditors", tags: ["work"], priority: "high" },
      ],
    },
  ),
  conv(
    "conv-10",
    "follow-up",
    "America/Sao_Paulo",
    [
      [
        "what's due today?",
        { mentions: ["Pay the nanny", "Collect the dry cleaning"], notMentions: ["Paint the shed"] },
      ],
      ["how many is that?", { mentions: [["2", "two"]] }],
    ],
    {
      setup: [
        { title: "Pay the nanny", due: at("today", "23:00") },
        { title: "Paint the shed", due: at("+9") },
        { title: "Collect the dry cleaning", due: at("today", "23:30") },
      ],
    },
  ),
  conv(
    "conv-11",
    "follow-up",
    "Africa/Nairobi",
    [
      ["show tasks tagged old", { mentions: oldTitles, notMentions: ["Buy coffee", "Call the landlord"] }],
      ["delete all of them", askOld],
      ["yes", { deleted: oldTitles }],
    ],
    { setup: old },
  ),
  conv(
    "conv-12",
    "follow-up",
    "UTC",
    [
      [
        "show high priority tasks",
        { mentions: ["Renew passport", "Prepare board deck"], notMentions: ["Learn Spanish"] },
      ],
      ["mark those done", { completed: ["Renew passport", "Prepare board deck"] }],
    ],
    { setup: mixed },
  ),
  conv(
    "conv-13",
    "follow-up",
    "Pacific/Auckland",
    [
      [
        "what's overdue",
        { mentions: ["Call the insurer", "Return the library books"], notMentions: ["Plan the garden"] },
      ],
      [
        "tag them all with late",
        {
          changed: [
            { task: "Call the insurer", set: { tags: ["late"] } },
            { task: "Return the library books", set: { tags: ["late"] } },
          ],
        },
      ],
    ],
    { setup: overdue },
  ),
  conv("conv-14", "follow-up", "Europe/Madrid", [
    ["add renew passport due in 2 weeks", { created: [{ title: "Renew passport", due: at("+14") }] }],
    ["remind me about it the day before", { changed: [{ task: "Renew passport", set: { remind: at("+13") } }] }],
  ]),
  conv(
    "conv-15",
    "follow-up",
    "America/Toronto",
    [
      ["rename the groceries task", { asks: true }],
      ["Groceries for the party", { changed: [{ task: "Buy groceries", set: { title: "Groceries for the party" } }] }],
    ],
    { setup: [{ title: "Buy groceries" }, { title: "Walk the dog" }] },
  ),
  conv(
    "conv-16",
    "follow-up",
    "Asia/Singapore",
    [
      ["what's on tomorrow", { mentions: ["Team lunch", "Call the landlord"], notMentions: ["Sort the receipts"] }],
      [
        "make the second one high priority",
        { changed: [{ task: { nthInReply: 2, of: ["Team lunch", "Call the landlord"] }, set: { priority: "high" } }] },
      ],
    ],
    {
      setup: [
        { title: "Team lunch", due: at("tomorrow", "12:30") },
        { title: "Call the landlord", due: at("tomorrow", "17:00") },
        { title: "Sort the receipts", due: at("+6") },
      ],
    },
  ),
  conv(
    "conv-17",
    "follow-up",
    "Europe/Paris",
    [
      ["what do I have left to do", { mentions: pending, notMentions: ["Send thank-you notes"] }],
      [
        "what about the completed ones?",
        { mentions: ["Send thank-you notes"], notMentions: ["Learn Spanish", "Renew passport"] },
      ],
    ],
    { setup: mixed },
  ),
  conv(
    "conv-18",
    "follow-up",
    "America/New_York",
    [
      ["show me my pending stuff", { mentions: pending }],
      [
        "just the ones tagged home",
        { mentions: ["Buy cat litter", "Fix the bike light"], notMentions: ["Renew passport", "Learn Spanish"] },
      ],
    ],
    { setup: mixed },
  ),
  conv(
    "conv-19",
    "follow-up",
    "Asia/Tokyo",
    [
      ["show my tasks", { mentions: ["Sign the lease", "Buy a desk", "Renew the parking permit"] }],
      ["what are the notes on the lease one?", { mentions: ["signed contract"] }],
    ],
    {
      setup: [
        { title: "Buy a desk" },
        { title: "Sign the lease", description: "Bring the signed contract and two IDs" },
        { title: "Renew the parking permit", due: at("+15") },
      ],
    },
  ),
  conv(
    "conv-20",
    "follow-up",
    "Europe/London",
    [
      ["how many tasks do I have open?", { mentions: [["3", "three"]] }],
      ["and how many are done?", { mentions: [["2", "two"]] }],
    ],
    {
      setup: [
        { title: "Buy a desk" },
        { title: "Fix the gate", completed: true },
        { title: "Sign the lease" },
        { title: "Paint the hallway", completed: true },
        { title: "Renew the parking permit" },
      ],
    },
  ),
  conv(
    "conv-21",
    "follow-up",
    "America/Chicago",
    [
      [
        "what's due today",
        { mentions: ["Pay the nanny", "Collect the dry cleaning"], notMentions: ["Paint the shed"] },
      ],
      [
        "ok, move everything from today to tomorrow",
        {
          changed: [
            { task: "Pay the nanny", set: { due: at("tomorrow", "23:00") } },
            { task: "Collect the dry cleaning", set: { due: at("tomorrow", "23:30") } },
          ],
        },
      ],
    ],
    {
      setup: [
        { title: "Pay the nanny", due: at("today", "23:00") },
        { title: "Paint the shed", due: at("+9") },
        { title: "Collect the dry cleaning", due: at("today", "23:30") },
      ],
    },
  ),
  conv(
    "conv-22",
    "follow-up",
    "Australia/Sydney",
    [
      ["delete the meeting task", ask("Team meeting notes", "Board meeting prep", "Client meeting follow-up")],
      ["the board one", { deleted: ["Board meeting prep"] }],
    ],
    {
      setup: [
        { title: "Team meeting notes" },
        { title: "Board meeting prep" },
        { title: "Buy envelopes" },
        { title: "Client meeting follow-up" },
      ],
    },
  ),
  conv("conv-23", "follow-up", "Europe/Berlin", [
    ["add call the bank", { created: [{ title: "Call the bank" }] }],
    ["make it due tomorrow at 2pm", { changed: [{ task: "Call the bank", set: { due: at("tomorrow", "14:00") } }] }],
    ["and tag it finance", { changed: [{ task: "Call the bank", set: { tags: ["finance"] } }] }],
  ]),
  conv(
    "conv-24",
    "follow-up",
    "America/Los_Angeles",
    [
      [
        "what's overdue?",
        { mentions: ["Call the insurer", "Return the library books"], notMentions: ["Plan the garden"] },
      ],
      [
        "move the first one to today",
        {
          changed: [
            {
              task: { nthInReply: 1, of: ["Call the insurer", "Return the library books"] },
              set: { due: at("today", "16:00") },
            },
          ],
        },
      ],
      [
        "and the other one to tomorrow",
        {
          changed: [
            {
              task: { nthInReply: 2, of: ["Call the insurer", "Return the library books"], turn: 1 },
              set: { due: at("tomorrow", "16:00") },
            },
          ],
        },
      ],
      ["thanks!", {}],
    ],
    {
      setup: [
        { title: "Call the insurer", due: at("-2", "16:00") },
        { title: "Return the library books", due: at("-1", "16:00") },
        { title: "Plan the garden", due: at("+5") },
      ],
    },
  ),
  conv("conv-25", "follow-up", "Asia/Kolkata", [
    ["add buy batteries", { created: [{ title: "Buy batteries" }] }],
    ["tag it errands", { changed: [{ task: "Buy batteries", set: { tags: ["errands"] } }] }],
  ]),
];

const confirms: CaseInput[] = [
  conv(
    "conf-01",
    "confirm",
    "America/Sao_Paulo",
    [
      ["delete tasks 2 and 4", { asks: true, notMentions: ["Water the cactus", "Email the school"] }],
      ["yep", { deleted: ["Order a new mattress", "Clean the oven"] }],
    ],
    { setup: four },
  ),
  conv(
    "conf-02",
    "confirm",
    "Africa/Nairobi",
    [
      ["delete 1, 2 and 3", { asks: true, notMentions: ["Clean the oven"] }],
      ["no wait", {}],
      ["just delete 3", { deleted: ["Email the school"] }],
    ],
    { setup: four },
  ),
  conv(
    "conf-03",
    "confirm",
    "UTC",
    [
      ["clear out the completed ones", { asks: true, notMentions: ["Buy a new kettle"] }],
      ["sure go ahead", { deleted: ["Mow the lawn", "Return the parcel", "Pay the gas bill"] }],
    ],
    {
      setup: [
        { title: "Mow the lawn", completed: true },
        { title: "Buy a new kettle" },
        { title: "Return the parcel", completed: true },
        { title: "Pay the gas bill", completed: true },
      ],
    },
  ),
  conv(
    "conf-04",
    "confirm",
    "Pacific/Auckland",
    [
      ["delete all tasks tagged old", askOld],
      ["ok do it", { deleted: oldTitles }],
    ],
    { setup: old },
  ),
  conv(
    "conf-05",
    "confirm",
    "Europe/Madrid",
    [
      ["delete everything tagged old", askOld],
      ["nope, keep them", {}],
    ],
    { setup: old },
  ),
  conv(
    "conf-06",
    "confirm",
    "America/Toronto",
    [
      ["delete all my tasks", { asks: true }],
      ["yes please", { deleted: four.map((t) => t.title) }],
    ],
    { setup: four },
  ),
  conv(
    "conf-07",
    "confirm",
    "Asia/Singapore",
    [
      ["delete 2 and 3", { asks: true, notMentions: ["Water the cactus", "Clean the oven"] }],
      ["hmm, actually just 3", { deleted: ["Email the school"] }],
    ],
    { setup: four },
  ),
];

const corrections: CaseInput[] = [
  conv("fix-01", "correction", "Europe/Paris", [
    ["add buy milk", { created: [{ title: "Buy milk" }] }],
    [
      "actually make that oat milk",
      {
        changed: [{ task: "Buy milk", set: { title: "Buy oat milk" } }],
        allow: [{ changed: [], deleted: ["Buy milk"], created: [{ title: "Buy oat milk" }] }],
      },
    ],
  ]),
  conv("fix-02", "correction", "America/New_York", [
    ["add call Jenny tomorrow at 10", { created: [{ title: "Call Jenny", due: at("tomorrow", "10:00") }] }],
    ["no, 11", { changed: [{ task: "Call Jenny", set: { due: at("tomorrow", "11:00") } }] }],
  ]),
  conv(
    "fix-03",
    "correction",
    "Asia/Tokyo",
    [
      [
        "move the dentist to monday",
        { changed: [{ task: "Dentist appointment", set: { due: at(wd("monday"), "15:00") } }] },
      ],
      ["I meant tuesday", { changed: [{ task: "Dentist appointment", set: { due: at(wd("tuesday"), "15:00") } }] }],
    ],
    { setup: [{ title: "Dentist appointment", due: at("+10", "15:00") }, { title: "Buy toothpaste" }] },
  ),
  conv(
    "fix-04",
    "correction",
    "Europe/London",
    [
      ["complete task 2", { completed: ["Order a new mattress"] }],
      ["no sorry, I meant task 3", { reopened: ["Order a new mattress"], completed: ["Email the school"] }],
    ],
    { setup: four },
  ),
  conv(
    "fix-05",
    "correction",
    "America/Chicago",
    [
      ["move the standup to 10", { changed: [{ task: "Team standup", set: { due: at("tomorrow", "10:00") } }] }],
      ["actually 10:30", { changed: [{ task: "Team standup", set: { due: at("tomorrow", "10:30") } }] }],
    ],
    { setup: [{ title: "Team standup", due: at("tomorrow", "09:30") }, { title: "Update the wiki" }] },
  ),
  conv(
    "fix-06",
    "correction",
    "Australia/Sydney",
    [
      ["tag task 1 as urgent", { changed: [{ task: "Pay rent", set: { tags: ["home", "urgent"] } }] }],
      [
        "oops, task 2, not 1",
        {
          changed: [
            { task: "Pay rent", set: { tags: ["home"] } },
            { task: "Fix the sink", set: { tags: ["urgent"] } },
          ],
        },
      ],
    ],
    { setup: [{ title: "Pay rent", tags: ["home"] }, { title: "Fix the sink" }] },
  ),
  conv("fix-07", "correction", "Europe/Berlin", [
    [
      "add water the plants every monday",
      {
        created: [
          { title: "Water the plants", recurrence: "FREQ=WEEKLY;BYDAY=MO", due: at(["this-monday", "monday"]) },
        ],
      },
    ],
    [
      "actually every monday and thursday",
      {
        changed: [
          {
            task: "Water the plants",
            set: {
              recurrence: "FREQ=WEEKLY;BYDAY=MO,TH",
              due: at(["this-monday", "monday", "this-thursday", "thursday"]),
            },
          },
        ],
      },
    ],
  ]),
  conv(
    "fix-08",
    "correction",
    "America/Los_Angeles",
    [
      ["delete task 5", { mentions: ["5"] }],
      ["sorry, I meant 4", { deleted: ["Clean the oven"] }],
    ],
    { setup: four },
  ),
];

const undo: CaseInput[] = [
  conv(
    "undo-01",
    "undo",
    "Asia/Kolkata",
    [
      ["mark the report done", { completed: ["Write the report"] }],
      ["undo that", { reopened: ["Write the report"] }],
    ],
    { setup: [{ title: "Write the report", due: at("+2") }, { title: "Buy a plant" }] },
  ),
  conv(
    "undo-02",
    "undo",
    "America/Sao_Paulo",
    [
      ["delete the gym task", { deleted: ["Cancel the gym membership"] }],
      ["wait, undo", { created: [{ title: "Cancel the gym membership", due: at("+3", "18:00"), tags: ["money"] }] }],
    ],
    {
      setup: [
        { title: "Cancel the gym membership", due: at("+3", "18:00"), tags: ["money"] },
        { title: "Buy a plant" },
      ],
    },
  ),
  conv("undo-03", "undo", "Africa/Nairobi", [
    ["add laundry", { created: [{ title: { anyOf: ["Laundry", "Do laundry", "Do the laundry"] }, ref: "laundry" }] }],
    ["undo", { deleted: ["laundry"] }],
  ]),
  conv(
    "undo-04",
    "undo",
    "UTC",
    [
      ["move the dentist to friday", { changed: [{ task: "Dentist", set: { due: at(wd("friday"), "15:00") } }] }],
      ["undo that", { changed: [{ task: "Dentist", set: { due: at("+10", "15:00") } }] }],
    ],
    { setup: [{ title: "Dentist", due: at("+10", "15:00") }] },
  ),
];

export const multiCases: CaseInput[] = [...followUps, ...confirms, ...corrections, ...undo];
