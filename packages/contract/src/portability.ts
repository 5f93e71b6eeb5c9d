// Export (design section 14): GET /api/export?format=json|csv|ics, everything the caller owns.
import { z } from "zod";

export const EXPORT_FORMATS = ["json", "csv", "ics"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const ExportQuery = z.strictObject({
  format: z
    .enum(EXPORT_FORMATS, { message: "format must be json, csv or ics" })
    .default("json")
    .meta({ description: "json (re-importable, our own format), csv (one row per task) or ics (one VTODO per task)" }),
});
export type ExportQuery = z.output<typeof ExportQuery>;

// Import (design section 14): POST /api/import, a file from another app or our own export.
export const IMPORT_FORMATS = ["json", "todoist", "ticktick", "ics", "vikunja"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const ImportQuery = z.strictObject({
  format: z
    .enum(IMPORT_FORMATS, { message: "format must be json, todoist, ticktick, ics or vikunja" })
    .optional()
    .meta({
      description:
        "json (our export), todoist (Todoist CSV), ticktick (TickTick CSV backup), ics (iCalendar VTODO) or " +
        "vikunja (Vikunja's data.json); told from the file itself when left out",
    }),
  dry_run: z
    .enum(["true", "false"], { message: "dry_run must be true or false" })
    .default("false")
    .transform((v) => v === "true")
    .meta({ description: "true: report what would be created and change nothing" }),
});
export type ImportQuery = z.output<typeof ImportQuery>;

/** Where in the file (`line 7`, `tasks[3]`, `VTODO 2`) and what is wrong: the shape of the error body's details. */
export const ImportProblem = z.object({ path: z.string(), message: z.string() });
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportedProject = z.object({
  name: z.string().meta({ description: "The project's name; Inbox for tasks without a project" }),
  project_id: z
    .string()
    .nullable()
    .meta({ description: "The project the tasks go to: null for the Inbox, and for a new project in a dry run" }),
  new: z.boolean().meta({ description: "The import creates this project (the caller owns none by this name)" }),
  tasks: z.number().int(),
  sample: z.array(z.string()).meta({ description: "The first few task titles" }),
});

export const ImportResult = z
  .object({
    dry_run: z.boolean(),
    format: z.enum(IMPORT_FORMATS),
    created: z
      .object({ projects: z.number().int(), tasks: z.number().int() })
      .meta({ description: "What was created (in a dry run: what would be)" }),
    projects: z.array(ImportedProject),
    problems: z
      .array(ImportProblem)
      .meta({ description: "Rows taken with a change (a dropped tag, an unknown priority) or left out" }),
  })
  .meta({ id: "ImportResult" });
export type ImportResult = z.infer<typeof ImportResult>;
