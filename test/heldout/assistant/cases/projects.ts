// Projects, subtasks, assignees and sharing in the sense of design §12. These test features that may not exist yet
// (`needs: "projects"`); while GET /api/projects answers 404 they are reported as unsupported and count as wrong.
// Sharing changes who can see a list, so it must ask for a yes first.
import { at, type CaseInput, conv, one } from "./helpers";

const p = { needs: "projects" as const };
const garden = {
  ...p,
  projects: [{ name: "Garden" }],
  setup: [
    { title: "Buy seeds", project: "Garden" },
    { title: "Paint the fence", project: "Garden", due: at("+5") },
    { title: "Call the electrician" },
    { title: "Pay the phone bill", due: at("+2") },
  ],
};
const withBob = (email: string) => ({
  ...p,
  users: [{ email, name: "Bob" }],
  projects: [{ name: "Home", members: [{ email, role: "editor" as const }] }],
  setup: [
    { title: "Fix the fence", project: "Home" },
    { title: "Clean the gutters", project: "Home" },
    { title: "Renew my passport" },
  ],
});

export const projectCases: CaseInput[] = [
  one(
    "proj-01",
    "projects",
    "Europe/Paris",
    "create a project called Kitchen Renovation",
    {
      projects: { created: [{ name: "Kitchen Renovation" }] },
    },
    p,
  ),
  one(
    "proj-02",
    "projects",
    "America/New_York",
    "show me the garden project",
    {
      mentions: ["Buy seeds", "Paint the fence"],
      notMentions: ["Call the electrician", "Pay the phone bill"],
    },
    garden,
  ),
  one(
    "proj-03",
    "projects",
    "Asia/Tokyo",
    "add buy compost to the garden project",
    {
      created: [{ title: "Buy compost", project: "Garden" }],
    },
    garden,
  ),
  one(
    "proj-04",
    "projects",
    "Europe/London",
    "move the electrician task into Garden",
    {
      changed: [{ task: "Call the electrician", set: { project: "Garden" } }],
    },
    garden,
  ),
  one(
    "proj-05",
    "projects",
    "America/Chicago",
    "what's in my inbox?",
    {
      mentions: ["Call the electrician", "Pay the phone bill"],
      notMentions: ["Buy seeds", "Paint the fence"],
    },
    garden,
  ),
  one(
    "proj-06",
    "projects",
    "Australia/Sydney",
    "add a subtask 'book the hotel' under plan the trip",
    {
      created: [{ title: "Book the hotel", parent: "Plan the trip" }],
    },
    { ...p, setup: [{ title: "Plan the trip", due: at("+30") }, { title: "Buy sunscreen" }] },
  ),
  one(
    "proj-07",
    "projects",
    "Europe/Berlin",
    "assign the fence task to Bob",
    {
      changed: [{ task: "Fix the fence", set: { assignee: "bob.p07@example.com" } }],
    },
    withBob("bob.p07@example.com"),
  ),
  one(
    "proj-08",
    "projects",
    "America/Los_Angeles",
    "rename the Garden project to Backyard",
    {
      projects: { renamed: [{ project: "Garden", to: "Backyard" }] },
    },
    garden,
  ),
  one(
    "proj-09",
    "projects",
    "Asia/Kolkata",
    "share the Garden project with bob.p09@example.com",
    { asks: true },
    {
      ...garden,
      users: [{ email: "bob.p09@example.com", name: "Bob" }],
    },
  ),
  one(
    "proj-10",
    "projects",
    "America/Sao_Paulo",
    "what are the subtasks of plan the trip?",
    {
      mentions: ["Book flights", "Get travel insurance"],
      notMentions: ["Buy sunscreen"],
    },
    {
      ...p,
      setup: [
        { title: "Plan the trip" },
        { title: "Book flights", parent: "Plan the trip" },
        { title: "Buy sunscreen" },
        { title: "Get travel insurance", parent: "Plan the trip" },
      ],
    },
  ),
  conv(
    "proj-11",
    "projects",
    "Africa/Nairobi",
    [
      ["share the Garden project with bob.p11@example.com", { asks: true }],
      [
        "yes",
        {
          projects: {
            members: [{ project: "Garden", email: "bob.p11@example.com", role: { anyOf: ["editor", "viewer"] } }],
          },
        },
      ],
    ],
    { ...garden, users: [{ email: "bob.p11@example.com", name: "Bob" }] },
  ),
  conv(
    "proj-12",
    "projects",
    "UTC",
    [
      ["share Garden with bob.p12@example.com so he can edit", { asks: true }],
      ["actually no, don't", {}],
    ],
    { ...garden, users: [{ email: "bob.p12@example.com", name: "Bob" }] },
  ),
  conv(
    "proj-13",
    "projects",
    "Pacific/Auckland",
    [
      ["delete the garden project", { asks: true }],
      ["yes, delete it", { projects: { deleted: ["Garden"] }, deleted: ["Buy seeds", "Paint the fence"] }],
    ],
    garden,
  ),
  conv(
    "proj-14",
    "projects",
    "Europe/Madrid",
    [
      ["create a project Wedding", { projects: { created: [{ name: "Wedding" }] } }],
      ["add book the venue to it", { created: [{ title: "Book the venue", project: "Wedding" }] }],
    ],
    p,
  ),
  one(
    "proj-15",
    "projects",
    "America/Toronto",
    "what's assigned to me?",
    {
      mentions: ["Clean the gutters"],
      notMentions: ["Fix the fence"],
    },
    {
      ...withBob("bob.p15@example.com"),
      note: "the owner is assigned Clean the gutters through the setup; Bob has Fix the fence",
      setup: [
        { title: "Fix the fence", project: "Home", assignee: "bob.p15@example.com" },
        { title: "Clean the gutters", project: "Home", assignee: "me" },
        { title: "Renew my passport" },
      ],
    },
  ),
  conv(
    "proj-16",
    "projects",
    "Asia/Singapore",
    [
      [
        "make Bob a viewer on the Home project",
        { projects: { members: [{ project: "Home", email: "bob.p16@example.com", role: "viewer" }] } },
      ],
      ["who's on that project now?", { mentions: ["Bob"] }],
    ],
    withBob("bob.p16@example.com"),
  ),
];
