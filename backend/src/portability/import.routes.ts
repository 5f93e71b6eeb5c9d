// POST /api/import?format=&dry_run=: a file from another app or our own export, as a multipart upload (field
// `file`) or as the raw body (design section 14). Reading, checking and creating live in the core's import service.
import { createRoute } from "@hono/zod-openapi";
import { ValidationError } from "@todo/contract/errors";
import { LIMITS } from "@todo/contract/limits";
import { ImportQuery, ImportResult } from "@todo/contract/portability";
import { detectFormat, importFile } from "@todo/core/portability/import.service";
import { bodyLimit } from "hono/body-limit";
import type { AppDeps } from "../http/context";
import { errorResponse } from "../http/errors";
import { createRouter, ErrorResponses, jsonContent, security } from "../http/openapi";
import { changeVia } from "../tasks/via";

const FILE = { type: "string", format: "binary" } as const;

export function importRoutes({ database }: AppDeps) {
  const db = database.db;
  const router = createRouter();
  router.use(
    "/",
    bodyLimit({
      maxSize: LIMITS.importBytes,
      onError: (c) => errorResponse(c, 413, `An import file may be at most ${LIMITS.importBytes} bytes`),
    }),
  );
  router.openapi(
    createRoute({
      method: "post",
      path: "/",
      tags: ["portability"],
      summary: "Import tasks from Todoist, TickTick, Vikunja, iCalendar or our own JSON export (with a dry run)",
      description:
        `Send the file as multipart/form-data (field \`file\`) or as the raw body, up to ${LIMITS.importBytes} bytes ` +
        `and ${LIMITS.importTasks} tasks. A file with a row that cannot be imported is refused whole (422, each ` +
        "row named in details); otherwise everything is created in one transaction.",
      security,
      request: {
        query: ImportQuery,
        body: {
          required: true,
          content: {
            "multipart/form-data": { schema: { type: "object", properties: { file: FILE }, required: ["file"] } },
            "application/json": { schema: FILE },
            "text/csv": { schema: FILE },
            "text/calendar": { schema: FILE },
          },
        },
      },
      responses: {
        200: jsonContent(ImportResult, "Dry run: what the import would create"),
        201: jsonContent(ImportResult, "What the import created"),
        ...ErrorResponses,
      },
    }),
    async (c) => {
      const query = c.req.valid("query");
      let text: string;
      let fileName: string | undefined;
      if (/^multipart\/form-data/i.test(c.req.header("content-type") ?? "")) {
        let form: FormData;
        try {
          form = await c.req.formData();
        } catch {
          throw new ValidationError("The multipart body could not be read", [{ path: "file", message: "Unreadable" }]);
        }
        const file = form.get("file");
        if (!(file instanceof File)) {
          throw new ValidationError("Send the file in the form field `file`", [{ path: "file", message: "Required" }]);
        }
        text = await file.text();
        fileName = file.name || undefined;
      } else {
        text = await c.req.text();
      }
      if (text.trim() === "") throw new ValidationError("The file is empty", [{ path: "file", message: "Empty" }]);
      const format = query.format ?? detectFormat(text, fileName);
      if (!format) {
        throw new ValidationError("Could not tell the file's format: pass format=json|todoist|ticktick|ics|vikunja", [
          { path: "format", message: "Required for this file" },
        ]);
      }
      const result = await importFile(db, c.var.user.id, text, {
        format,
        dryRun: query.dry_run,
        ...(fileName ? { fileName } : {}),
        ...changeVia(c),
      });
      return c.json(result, query.dry_run ? 200 : 201);
    },
  );
  return router;
}
