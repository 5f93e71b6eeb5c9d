// Adding tasks: plain wishes, dates and times, priorities and tags, repetition, reminders, and titles whose words
// only look like dates. Titles are what a careful person would write on the list.
import { at, type CaseInput, one, remindOrNot, wd } from "./helpers";

const plain: CaseInput[] = [
  one("add-01", "add", "Europe/Paris", "add pick up dry cleaning", { created: [{ title: "Pick up dry cleaning" }] }),
  one("add-02", "add", "America/New_York", "can you add 'call the bank about the mortgage' to my list", {
    created: [{ title: "Call the bank about the mortgage" }],
  }),
  one("add-03", "add", "Asia/Tokyo", "new task: renew car insurance", { created: [{ title: "Renew car insurance" }] }),
  one("add-04", "add", "Europe/London", "i need to book a haircut", { created: [{ title: "Book a haircut" }] }),
  one("add-05", "add", "America/Chicago", "don't let me forget to email Sarah the slides", {
    created: [{ title: "Email Sarah the slides" }],
  }),
  one("add-06", "add", "Australia/Sydney", "put 'buy a birthday card for grandma' on my todo list please", {
    created: [{ title: "Buy a birthday card for grandma" }],
  }),
  one("add-07", "add", "Europe/Berlin", "remember to order more printer ink", {
    created: [{ title: "Order more printer ink" }],
  }),
  one("add-08", "add", "America/Los_Angeles", "todo: fix the squeaky door", {
    created: [{ title: "Fix the squeaky door" }],
  }),
  one("add-09", "add", "Asia/Kolkata", "Hey, could you please add a task for me to return the library books? thanks!", {
    created: [{ title: "Return the library books" }],
  }),
  one("add-10", "add", "America/Sao_Paulo", "gotta cancel the gym membership", {
    created: [{ title: "Cancel the gym membership" }],
  }),
  one("add-11", "add", "Africa/Nairobi", "add buy milk, eggs and bread", {
    created: [{ title: { anyOf: ["Buy milk, eggs and bread", "Buy milk, eggs, and bread"] } }],
    allow: [{ created: [{ title: "Buy milk" }, { title: "Buy eggs" }, { title: "Buy bread" }] }],
  }),
  one("add-12", "add", "UTC", "create a task called Update LinkedIn profile", {
    created: [{ title: "Update LinkedIn profile" }],
  }),
  one("add-13", "add", "Pacific/Auckland", "jot down: look into solar panels", {
    created: [{ title: "Look into solar panels" }],
  }),
  one("add-14", "add", "Europe/Madrid", "need to get a new phone charger", {
    created: [{ title: "Get a new phone charger" }],
  }),
  one("add-15", "add", "America/Toronto", "add a task", { asks: true }),
  one("add-16", "add", "Asia/Singapore", "add three tasks: buy paint, buy brushes and buy masking tape", {
    created: [{ title: "Buy paint" }, { title: "Buy brushes" }, { title: "Buy masking tape" }],
  }),
];

const dated: CaseInput[] = [
  one("date-01", "add-date", "America/New_York", "dentist appointment tomorrow at 3pm", {
    created: [{ title: "Dentist appointment", due: at("tomorrow", "15:00") }],
  }),
  one("date-02", "add-date", "Europe/Paris", "call mom on friday", {
    created: [{ title: "Call mom", due: at(wd("friday")) }],
  }),
  one("date-03", "add-date", "Asia/Tokyo", "submit the expense report by thursday 5pm", {
    created: [{ title: "Submit the expense report", due: at(wd("thursday"), "17:00") }],
  }),
  one("date-04", "add-date", "Europe/London", "pay the electricity bill in 3 days", {
    created: [{ title: "Pay the electricity bill", due: at("+3") }],
  }),
  one("date-05", "add-date", "America/Chicago", "remind me to take out the trash tonight at 8", {
    created: [{ title: "Take out the trash", due: at("today", "20:00"), remind: remindOrNot(at("today", "20:00")) }],
  }),
  one("date-06", "add-date", "Australia/Sydney", "book flights to Lisbon next monday", {
    created: [{ title: "Book flights to Lisbon", due: at(["monday", "next-week-monday"]) }],
  }),
  one("date-07", "add-date", "Europe/Berlin", "get flowers for Anna on march 3rd", {
    created: [{ title: "Get flowers for Anna", due: at("03-03") }],
  }),
  one("date-08", "add-date", "America/Los_Angeles", "send the standup notes tomorow at 10am", {
    created: [{ title: "Send the standup notes", due: at("tomorrow", "10:00") }],
  }),
  one("date-09", "add-date", "Asia/Kolkata", "call the plumber at 2:30pm tomorrow", {
    created: [{ title: "Call the plumber", due: at("tomorrow", "14:30") }],
  }),
  one("date-10", "add-date", "America/Sao_Paulo", "schedule car service for wednesday at noon", {
    created: [{ title: "Schedule car service", due: at(wd("wednesday"), "12:00") }],
  }),
  one("date-11", "add-date", "Africa/Nairobi", "in two days I have to check on the sourdough starter", {
    created: [{ title: "Check on the sourdough starter", due: at("+2") }],
  }),
  one("date-12", "add-date", "Europe/Madrid", "pick up the kids at 15:45 today", {
    created: [{ title: "Pick up the kids", due: at("today", "15:45") }],
  }),
  one("date-13", "add-date", "America/Toronto", "quarterly tax estimate due next friday", {
    created: [{ title: "Quarterly tax estimate", due: at(["friday", "next-week-friday"]) }],
  }),
  one("date-14", "add-date", "UTC", "buy a present for Tom's birthday on the 21st", {
    created: [{ title: "Buy a present for Tom's birthday", due: at("dom-21") }],
  }),
  one("date-15", "add-date", "Pacific/Auckland", "Return the rental car Saturday 11am", {
    created: [{ title: "Return the rental car", due: at(wd("saturday"), "11:00") }],
  }),
  one("date-16", "add-date", "Asia/Singapore", "submit timesheet tmrw", {
    created: [{ title: "Submit timesheet", due: at("tomorrow") }],
  }),
  one("date-17", "add-date", "Europe/Paris", "call grandma sunday evening", {
    created: [{ title: "Call grandma", due: at(wd("sunday"), "any") }],
  }),
  one("date-18", "add-date", "America/New_York", "apply for the visa a week from today", {
    created: [{ title: "Apply for the visa", due: at("+7") }],
  }),
  one("date-19", "add-date", "Europe/London", "in 2 hours check the oven", {
    created: [{ title: "Check the oven", due: { minutesFromNow: 120 } }],
  }),
  one("date-20", "add-date", "America/Chicago", "set up a call with the contractor on fri at 4pm", {
    created: [{ title: "Set up a call with the contractor", due: at(wd("friday"), "16:00") }],
  }),
  one("date-21", "add-date", "Asia/Kolkata", "Dinner reservation at 7:30pm tomorrow", {
    created: [{ title: "Dinner reservation", due: at("tomorrow", "19:30") }],
  }),
  one(
    "date-22",
    "add-date",
    "Australia/Sydney",
    "renew my passport by the end of next month",
    {
      created: [
        { title: { anyOf: ["Renew my passport", "Renew passport"] }, due: at({ from: "+28", to: "+62" }, "any") },
      ],
    },
    { note: "end of next month: the last day of next month (28 to 62 days ahead, whatever today is)" },
  ),
];

const flagged: CaseInput[] = [
  one("prio-01", "add-priority-tags", "Europe/Berlin", "add fix login bug, high priority", {
    created: [{ title: "Fix login bug", priority: "high" }],
  }),
  one("prio-02", "add-priority-tags", "America/Los_Angeles", "low priority: reorganize the bookshelf", {
    created: [{ title: "Reorganize the bookshelf", priority: "low" }],
  }),
  one("prio-03", "add-priority-tags", "Asia/Tokyo", "urgent - call the insurance company", {
    created: [{ title: "Call the insurance company", priority: "high" }],
    allow: [{ created: [{ title: "Call the insurance company", priority: "high", tags: ["urgent"] }] }],
  }),
  one("prio-04", "add-priority-tags", "Europe/Paris", "add 'prepare tax documents' #finance #home", {
    created: [{ title: "Prepare tax documents", tags: ["finance", "home"] }],
  }),
  one("prio-05", "add-priority-tags", "America/New_York", "new task update the roadmap, tag it work", {
    created: [{ title: "Update the roadmap", tags: ["work"] }],
  }),
  one("prio-06", "add-priority-tags", "UTC", "add buy dog food with medium priority and tag it pets", {
    created: [{ title: "Buy dog food", priority: "medium", tags: ["pets"] }],
  }),
  one("prio-07", "add-priority-tags", "Europe/London", "add clean the fridge, not urgent at all", {
    created: [{ title: "Clean the fridge", priority: { anyOf: ["low", "none"] } }],
  }),
  one("prio-08", "add-priority-tags", "America/Chicago", "add review PR 42 #work high prio due tomorrow 11am", {
    created: [{ title: "Review PR 42", tags: ["work"], priority: "high", due: at("tomorrow", "11:00") }],
  }),
  one("prio-09", "add-priority-tags", "Asia/Singapore", "add task book dentist appt, tags: health, personal", {
    created: [{ title: "Book dentist appt", tags: ["health", "personal"] }],
  }),
];

const weekdays = { freq: "WEEKLY" as const, byday: ["MO", "TU", "WE", "TH", "FR"] };
const repeating: CaseInput[] = [
  one("rec-01", "add-recurrence", "Europe/Paris", "take vitamins every day at 8am", {
    created: [{ title: "Take vitamins", recurrence: "FREQ=DAILY", due: at(["today", "tomorrow"], "08:00") }],
  }),
  one("rec-02", "add-recurrence", "America/New_York", "every friday send the weekly report", {
    created: [
      { title: "Send the weekly report", recurrence: "FREQ=WEEKLY;BYDAY=FR", due: at(["this-friday", "friday"]) },
    ],
  }),
  one("rec-03", "add-recurrence", "Europe/London", "pay rent on the 1st of every month", {
    created: [
      {
        title: "Pay rent",
        recurrence: { anyOf: ["FREQ=MONTHLY;BYMONTHDAY=1", "FREQ=MONTHLY"] },
        due: at(["dom-1", "today"]),
      },
    ],
  }),
  one("rec-04", "add-recurrence", "Asia/Tokyo", "stand-up every weekday at 9:30", {
    created: [{ title: "Stand-up", recurrence: weekdays, due: at({ from: "today", to: "+3" }, "09:30") }],
  }),
  one("rec-05", "add-recurrence", "America/Los_Angeles", "water the plants every other day", {
    created: [
      {
        title: "Water the plants",
        recurrence: { freq: "DAILY", interval: 2 },
        due: { anyOf: [null, at({ from: "today", to: "+2" }, "any")] },
      },
    ],
  }),
  one("rec-06", "add-recurrence", "Australia/Sydney", "call dad every sunday evening", {
    created: [{ title: "Call dad", recurrence: "FREQ=WEEKLY;BYDAY=SU", due: at(["this-sunday", "sunday"], "any") }],
  }),
  one("rec-07", "add-recurrence", "Europe/Berlin", "change the air filter every 3 months", {
    created: [
      {
        title: "Change the air filter",
        recurrence: { freq: "MONTHLY", interval: 3 },
        due: { anyOf: [null, at({ from: "today", to: "+92" }, "any")] },
      },
    ],
  }),
  one("rec-08", "add-recurrence", "America/Chicago", "clean the litter box daily", {
    created: [
      {
        title: "Clean the litter box",
        recurrence: "FREQ=DAILY",
        due: { anyOf: [null, at(["today", "tomorrow"], "any")] },
      },
    ],
  }),
  one("rec-09", "add-recurrence", "Asia/Kolkata", "team sync every tuesday and thursday at 2pm", {
    created: [
      {
        title: "Team sync",
        recurrence: "FREQ=WEEKLY;BYDAY=TU,TH",
        due: at(["this-tuesday", "this-thursday", "tuesday", "thursday"], "14:00"),
      },
    ],
  }),
  one("rec-10", "add-recurrence", "Europe/London", "put the bins out evry monday night", {
    created: [
      { title: "Put the bins out", recurrence: "FREQ=WEEKLY;BYDAY=MO", due: at(["this-monday", "monday"], "any") },
    ],
  }),
];

const reminders: CaseInput[] = [
  one("rem-01", "add-reminder", "America/New_York", "remind me about the parcel pickup tomorrow at 6pm", {
    created: [
      {
        title: { anyOf: ["Parcel pickup", "Pick up the parcel", "The parcel pickup"] },
        due: at("tomorrow", "18:00"),
        remind: remindOrNot(at("tomorrow", "18:00")),
      },
    ],
  }),
  one("rem-02", "add-reminder", "Europe/Paris", "add pay the invoice due in 5 days and remind me the day before", {
    created: [{ title: "Pay the invoice", due: at("+5"), remind: at("+4") }],
  }),
  one("rem-03", "add-reminder", "Asia/Tokyo", "dentist on the 10th at 2pm, remind me an hour before", {
    created: [{ title: "Dentist", due: at("dom-10", "14:00"), remind: at("dom-10", "13:00") }],
  }),
  one("rem-04", "add-reminder", "Australia/Sydney", "remind me 30 minutes before the webinar tomorrow at 4pm", {
    created: [
      {
        title: { anyOf: ["Webinar", "The webinar", "Attend the webinar"] },
        due: at("tomorrow", "16:00"),
        remind: at("tomorrow", "15:30"),
      },
    ],
  }),
  one(
    "rem-05",
    "add-reminder",
    "America/Chicago",
    "set a reminder for the grant application the day before, at 9 in the morning",
    { changed: [{ task: "Submit grant application", set: { remind: at("+3", "09:00") } }] },
    { setup: [{ title: "Buy stamps" }, { title: "Submit grant application", due: at("+4", "17:00") }] },
  ),
  one(
    "rem-06",
    "add-reminder",
    "Europe/Berlin",
    "no need to remind me about the vet appointment",
    { changed: [{ task: "Vet appointment", set: { remind: null } }] },
    {
      setup: [
        { title: "Vet appointment", due: at("+6", "10:00"), remind: at("+6", "09:00") },
        { title: "Order cat food" },
      ],
    },
  ),
];

const lookalikes: CaseInput[] = [
  one("title-01", "date-like-title", "Europe/London", "add 'Read 1984'", { created: [{ title: "Read 1984" }] }),
  one("title-02", "date-like-title", "America/New_York", "add watch Friday Night Lights", {
    created: [{ title: "Watch Friday Night Lights" }],
  }),
  one("title-03", "date-like-title", "Europe/Paris", "add buy tickets for the May 5 concert", {
    created: [{ title: "Buy tickets for the May 5 concert" }],
    allow: [{ created: [{ title: "Buy tickets for the May 5 concert", due: at("05-05") }] }],
  }),
  one("title-04", "date-like-title", "Asia/Tokyo", "add 'Book review: The Day of the Jackal'", {
    created: [{ title: "Book review: The Day of the Jackal" }],
  }),
  one("title-05", "date-like-title", "America/Chicago", "add call the 24 hour pharmacy about my prescription", {
    created: [{ title: "Call the 24 hour pharmacy about my prescription" }],
  }),
  one("title-06", "date-like-title", "Australia/Sydney", "new task: plan Monday's team lunch, due tomorrow", {
    created: [{ title: "Plan Monday's team lunch", due: at("tomorrow") }],
  }),
  one("title-07", "date-like-title", "Europe/Berlin", 'finish reading "Tuesdays with Morrie" by sunday', {
    created: [
      {
        title: { anyOf: ['Finish reading "Tuesdays with Morrie"', "Finish reading Tuesdays with Morrie"] },
        due: at(wd("sunday")),
      },
    ],
  }),
  one("title-08", "date-like-title", "America/Los_Angeles", "add prepare slides for the 9am meeting", {
    created: [{ title: "Prepare slides for the 9am meeting" }],
  }),
  one("title-09", "date-like-title", "Asia/Singapore", "add buy 2 tickets for the 7:30 show", {
    created: [{ title: "Buy 2 tickets for the 7:30 show" }],
  }),
  one("title-10", "date-like-title", "UTC", "add March madness bracket", {
    created: [{ title: "March madness bracket" }],
  }),
  one("title-11", "date-like-title", "America/Toronto", "add watch Apollo 13 tonight", {
    created: [{ title: "Watch Apollo 13", due: at("today", "any") }],
  }),
];

export const addCases: CaseInput[] = [...plain, ...dated, ...flagged, ...repeating, ...reminders, ...lookalikes];
