// CalDAV with a client nobody here wrote: Debian's python3-caldav against the real backend on a free port
// (discovery, calendar listing, MKCALENDAR, create/update/complete/delete, sync-collection), and isolation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDavBackend } from "./dav-harness";

let s: Awaited<ReturnType<typeof startDavBackend>>;
beforeAll(async () => {
  s = await startDavBackend();
});
afterAll(() => s.close());

describe("python3-caldav", () => {
  it("discovers the principal and lists the Inbox and the user's projects", async () => {
    const user = await s.davUser("Ann");
    const project = await s.request("POST", "/api/projects", { headers: user.headers, body: { name: "Garden" } });
    expect(project.status).toBe(201);
    const found = await s.pyCaldav(user, "discover");
    expect(found.error).toBeUndefined();
    expect(found.principal).toContain(`/dav/principals/${user.id}/`);
    expect(found.home).toContain(`/dav/calendars/${user.id}/`);
    const names = found.calendars.map((c: { name: string }) => c.name).sort();
    expect(names).toEqual(["Garden", "Inbox"]);
  });
});
