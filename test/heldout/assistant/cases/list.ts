// Listing and questions about the list: status, due windows, tags, priority, no due date, search, what's next,
// counts. A list must change nothing; `mentions` are the titles it must show and `notMentions` those it must not.
import { at, type CaseInput, one, type SetupTask } from "./helpers";

/** Eight tasks, ids 1–8 in this order: overdue, today, tomorrow, later, two without a date, two done. */
const mixed: SetupTask[] = [
  { title: "Renew passport", due: at("-3", "10:00"), priority: "high", tags: ["admin"] },
  { title: "Buy cat litter", due: at("today", "23:00"), tags: ["home", "errands"] },
  { title: "Prepare board deck", due: at("tomorrow", "14:00"), priority: "high", tags: ["work"] },
  { title: "Book summer holiday", due: at("+20"), priority: "low" },
  { title: "Learn Spanish" },
  { title: "Fix the bike light", tags: ["home"], priority: "medium" },
  { title: "Send thank-you notes", completed: true, tags: ["home"] },
  { title: "Cancel old phone plan", completed: true, due: at("-5"), tags: ["admin"] },
];
const T = mixed.map((t) => t.title) as [string, string, string, string, string, string, string, string];
const [passport, litter, deck, holiday, spanish, bike, notes, phone] = T;
const pending = [passport, litter, deck, holiday, spanish, bike];
const done = [notes, phone];
const m = { setup: mixed };

export const listCases: CaseInput[] = [
  one("list-01", "list", "Europe/Paris", "what do I still need to do?", { mentions: pending, notMentions: done }, m),
  one("list-02", "list", "America/New_York", "show me everything, done or not", { mentions: T }, m),
  one("list-03", "list", "Asia/Tokyo", "what have I finished so far", { mentions: done, notMentions: pending }, m),
  one(
    "list-04",
    "list",
    "Europe/London",
    "anything overdue?",
    {
      mentions: [passport],
      notMentions: [litter, deck, holiday, spanish, bike, notes, phone],
    },
    m,
  ),
  one(
    "list-05",
    "list",
    "America/Chicago",
    "what's on for today",
    {
      mentions: [litter],
      notMentions: [deck, holiday, spanish, bike, notes],
    },
    m,
  ),
  one(
    "list-06",
    "list",
    "Australia/Sydney",
    "whats due tmrw",
    {
      mentions: [deck],
      notMentions: [passport, litter, holiday, spanish, bike, notes, phone],
    },
    m,
  ),
  one(
    "list-07",
    "list",
    "Europe/Berlin",
    "what's coming up this week?",
    {
      mentions: [litter],
      notMentions: [holiday, spanish, bike, notes, phone],
    },
    m,
  ),
  one(
    "list-08",
    "list",
    "America/Los_Angeles",
    "show my #home stuff",
    {
      mentions: [litter, bike],
      notMentions: [passport, deck, holiday, spanish],
    },
    m,
  ),
  one(
    "list-09",
    "list",
    "Asia/Kolkata",
    "list high priority tasks",
    {
      mentions: [passport, deck],
      notMentions: [litter, holiday, spanish, bike, notes, phone],
    },
    m,
  ),
  one(
    "list-10",
    "list",
    "America/Sao_Paulo",
    "which tasks don't have a due date?",
    {
      mentions: [spanish, bike],
      notMentions: [passport, litter, deck, holiday, phone],
    },
    m,
  ),
  one(
    "list-11",
    "list",
    "Africa/Nairobi",
    "what should I do next?",
    { mentions: [[passport, litter]], notMentions: done },
    m,
  ),
  one("list-12", "list", "UTC", "how many tasks have I got left?", { mentions: [["6", "six"]] }, m),
  one(
    "list-13",
    "list",
    "Pacific/Auckland",
    "show completed admin tasks",
    {
      mentions: [phone],
      notMentions: [notes, passport],
    },
    m,
  ),
  one(
    "list-14",
    "list",
    "Europe/Madrid",
    "show me stuff tagged home that's not done yet",
    {
      mentions: [litter, bike],
      notMentions: [notes, passport, deck],
    },
    m,
  ),
  one(
    "list-15",
    "list",
    "America/Toronto",
    "search for passport",
    {
      mentions: [passport],
      notMentions: [litter, deck, holiday, spanish, bike],
    },
    m,
  ),
  one(
    "list-16",
    "list",
    "Asia/Singapore",
    "what's on my plate for the next 7 days",
    {
      mentions: [litter, deck],
      notMentions: [holiday, spanish, bike],
    },
    m,
  ),
  one(
    "list-17",
    "list",
    "Europe/Paris",
    "list my low priority stuff",
    {
      mentions: [holiday],
      notMentions: [passport, litter, deck, bike],
    },
    m,
  ),
  one("list-18", "list", "America/New_York", "what did I get done?", { mentions: done, notMentions: pending }, m),
  one("list-19", "list", "Europe/London", "how many things did I complete?", { mentions: [["2", "two"]] }, m),
  one(
    "list-20",
    "list",
    "America/Chicago",
    "anything tagged work or admin?",
    {
      mentions: [passport, deck],
      notMentions: [litter, holiday, spanish, bike],
    },
    m,
  ),
  one("list-21", "list", "Asia/Tokyo", "what's the most urgent thing on my list", { mentions: [[passport, deck]] }, m),
  one(
    "list-22",
    "list",
    "Australia/Sydney",
    "do I have anything due today?",
    { notMentions: ["Book summer holiday", "Learn Spanish"] },
    { setup: [{ title: "Book summer holiday", due: at("+20") }, { title: "Learn Spanish" }] },
  ),
  one("list-23", "list", "Europe/Berlin", "what's on my list?", {}, { note: "an empty list: an answer, no task" }),
  one(
    "list-24",
    "list",
    "America/Los_Angeles",
    "any tasks about the car?",
    { mentions: ["Get the car washed", "Renew car registration"], notMentions: ["Buy groceries", "Call Maria"] },
    {
      setup: [
        { title: "Get the car washed" },
        { title: "Buy groceries" },
        { title: "Renew car registration", due: at("+9") },
        { title: "Call Maria" },
      ],
    },
  ),
  one(
    "list-25",
    "list",
    "Asia/Kolkata",
    "what's due on friday?",
    { mentions: ["Pick up the new glasses"], notMentions: ["File the insurance claim", "Sort the photo albums"] },
    {
      setup: [
        { title: "Pick up the new glasses", due: at("friday", "10:00") },
        { title: "File the insurance claim", due: at("+10") },
        { title: "Sort the photo albums" },
      ],
    },
  ),
  one("list-26", "list", "America/Sao_Paulo", "show me my todo list", { mentions: pending }, m),
];
