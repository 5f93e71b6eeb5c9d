// Every size limit of the contract, in one place: the schemas, the UI's counters and the tool descriptions read them.
export const LIMITS = {
  title: 200,
  description: 4000,
  tags: 20,
  tag: 32,
  listLimit: 200,
  listDefault: 50,
  maxOffset: 1_000_000,
  query: 200,
  quickAddText: 500,
  recurrence: 500,
  recurrenceListItems: 366,
  timeZone: 64,
  chatMessage: 4000,
  apiKeyName: 64,
  apiKeysPerUser: 50,
  severalTasks: 50,
} as const;
