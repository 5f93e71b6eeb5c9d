// Every size limit of the contract, in one place: the schemas, the UI's counters and the tool descriptions read them.
export const LIMITS = {
  title: 200,
  description: 4000,
  tags: 20,
  tag: 32,
  listLimit: 200,
  listDefault: 50,
  maxOffset: 1_000_000,
  /** A list cursor's length (it carries the last task's sort key, a title at most). */
  cursorLength: 2048,
  query: 200,
  quickAddText: 500,
  recurrenceListItems: 366,
  recurrence: 500,
  timeZone: 64,
  locale: 35,
  chatMessage: 4000,
  apiKeyName: 64,
  apiKeysPerUser: 50,
  severalTasks: 50,
  /** Projects: name length, how many a user may be a member of, members of one project. */
  projectName: 100,
  projectsPerUser: 200,
  membersPerProject: 50,
  email: 254,
  /** Subtasks: a task, its subtask, theirs and theirs (four levels counting the top task). */
  taskDepth: 4,
  /** Activity page size. */
  activityLimit: 200,
  activityDefault: 50,
  /** Upcoming view: days from today. */
  upcomingDays: 14,
  /** Import (POST /api/import): the largest file taken, and the most tasks one import creates. */
  importBytes: 5_242_880,
  importTasks: 5000,
} as const;
