// GET /api/export?format=json|csv|ics: everything the caller owns, as a download (design section 14).
import { createRoute } from "@hono/zod-openapi";
import { ExportQuery } from "@todo/contract/portability";
import { exportCsv, exportData, exportIcs } from "@todo/core/portability/export.service";
import type { AppDeps } from "../http/context";
import { createRouter, ErrorResponses, security } from "../http/openapi";

const TYPES = { json: "application/json", csv: "text/csv", ics: "text/calendar" } as const;

export function exportRoutes({ database }: AppDeps) {
  const db = database.db;
  const router = createRouter();
  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["portability"],
      summary: "Export your Inbox and the projects you own, with every task (json, csv or ics)",
      security,
      request: { query: ExportQuery },
      responses: {
        200: {
          description: "The export, as an attachment",
          content: { "application/json": { schema: {} }, "text/csv": { schema: {} }, "text/calendar": { schema: {} } },
        },
        ...ErrorResponses,
      },
    }),
    async (c) => {
      const { format } = c.req.valid("query");
      const data = await exportData(db, c.var.user.id);
      const body =
        format === "json"
          ? `${JSON.stringify(data, null, 2)}\n`
          : format === "csv"
            ? exportCsv(data)
            : exportIcs(data, c.var.user.id);
      const day = data.exported_at.slice(0, 10);
      return c.body(body, 200, {
        "content-type": `${TYPES[format]}; charset=utf-8`,
        "content-disposition": `attachment; filename="todo-export-${day}.${format}"`,
      });
    },
  );
  return router;
}
