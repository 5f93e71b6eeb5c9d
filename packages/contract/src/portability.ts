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
