// The optional daily digest email (design section 13): at the local time a user picked (digest_at, in their
// settings' time zone), their open tasks due today and overdue. Run every minute by the scheduler's cron; a row in
// digests_sent per (user, local date) makes it once a day across replicas. A digest missed while the app was down
// goes out when it is back, the same day.
import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import type { Mailer } from "../mail/mailer";
import { taskUrl } from "./channels";

interface DigestTask {
  number: number;
  title: string;
  due_at: Date | string;
  overdue: boolean;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function digestEmail(tasks: DigestTask[], appUrl: string, localDate: string, timeZone: string) {
  const time = (d: Date | string) =>
    new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(d));
  const overdue = tasks.filter((t) => t.overdue);
  const today = tasks.filter((t) => !t.overdue);
  const sections: [string, DigestTask[]][] = [
    ["Overdue", overdue],
    ["Due today", today],
  ];
  const text = sections
    .filter(([, list]) => list.length > 0)
    .map(
      ([name, list]) =>
        `${name}:\n${list.map((t) => `- ${t.title} (${time(t.due_at)}) ${taskUrl(appUrl, t.number)}`).join("\n")}`,
    )
    .join("\n\n");
  const html = sections
    .filter(([, list]) => list.length > 0)
    .map(
      ([name, list]) =>
        `<h2>${name}</h2>\n<ul>\n${list
          .map(
            (t) =>
              `<li><a href="${escapeHtml(taskUrl(appUrl, t.number))}">${escapeHtml(t.title)}</a> (${escapeHtml(time(t.due_at))})</li>`,
          )
          .join("\n")}\n</ul>`,
    )
    .join("\n");
  return {
    subject: `Your tasks for ${localDate}: ${today.length} due today, ${overdue.length} overdue`,
    text: `${text}\n\nOpen todo-app: ${appUrl}\n`,
    html: `<!doctype html>\n<html><body style="font-family: sans-serif; line-height: 1.5">\n${html}\n<p><a href="${escapeHtml(appUrl)}">Open todo-app</a></p>\n</body></html>\n`,
  };
}

/** Sends every digest whose local time has come today and that was not sent yet; returns how many were sent. */
export async function sendDueDigests(db: Database, mailer: Mailer, appUrl: string, now = new Date()): Promise<number> {
  if (!mailer.enabled) return 0;
  const due = (
    (await db.execute(sql`
      select s.user_id, s.timezone, u.email,
             to_char(${now}::timestamptz at time zone s.timezone, 'YYYY-MM-DD') as local_date
        from notification_settings s join users u on u.id = s.user_id
       where s.digest_at is not null
         and to_char(${now}::timestamptz at time zone s.timezone, 'HH24:MI') >= s.digest_at
         and not exists (select 1 from digests_sent d where d.user_id = s.user_id
                          and d.local_date = to_char(${now}::timestamptz at time zone s.timezone, 'YYYY-MM-DD'))
       limit 500`)) as unknown as { rows: { user_id: string; timezone: string; email: string; local_date: string }[] }
  ).rows;
  let sent = 0;
  for (const user of due) {
    const claimed = (
      (await db.execute(sql`
        insert into digests_sent (user_id, local_date) values (${user.user_id}, ${user.local_date})
        on conflict do nothing returning user_id`)) as unknown as { rows: unknown[] }
    ).rows;
    if (claimed.length === 0) continue; // another replica has it
    const tasks = (
      (await db.execute(sql`
        select n.number, t.title, t.due_at,
               t.due_at < (date_trunc('day', ${now}::timestamptz at time zone ${user.timezone}) at time zone ${user.timezone}) as overdue
          from task_numbers n join tasks t on t.id = n.task_id
         where n.user_id = ${user.user_id} and t.completed = false and t.deleted_at is null and t.due_at is not null
           and t.due_at < ((date_trunc('day', ${now}::timestamptz at time zone ${user.timezone}) + interval '1 day')
                           at time zone ${user.timezone})
         order by t.due_at limit 100`)) as unknown as { rows: DigestTask[] }
    ).rows;
    if (tasks.length === 0) continue; // nothing to say today
    try {
      await mailer.send({ to: user.email, ...digestEmail(tasks, appUrl, user.local_date, user.timezone) });
      sent++;
    } catch (error) {
      // Give the next minute another try.
      await db.execute(
        sql`delete from digests_sent where user_id = ${user.user_id} and local_date = ${user.local_date}`,
      );
      throw error;
    }
  }
  return sent;
}
