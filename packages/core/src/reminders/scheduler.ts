// The reminder scheduler (design section 13, docs/decisions/020-reminder-scheduler.md): pg-boss queues on the
// app's own database, Postgres or embedded PGlite.
//
// - A sweep finds tasks whose remind_at comes within the next LOOKAHEAD (or came while everything was down, up to
//   CATCH_UP back) and has not fired yet, and queues one `reminder` job per (task, remind_at) with startAfter =
//   remind_at. Job ids are derived from (task, remind_at), so every replica may sweep: the same reminder is queued
//   once. The sweep runs at start, on a pg-boss cron every minute (one replica gets it), and shortly after a task
//   changes in this process (hook.ts).
// - When a `reminder` job's time comes, the task is read again: moved (another remind_at), completed or deleted
//   means the job is dropped. Otherwise one `reminder-deliver` job per usable channel is queued (ids derived
//   from (task, remind_at, channel)) and the reminder is recorded in reminder_fires.
// - A `reminder-deliver` job claims its row in reminder_deliveries (unique per task, remind_at, channel; a row
//   already "sent" means done), sends once, and records the outcome: the delivery log. A failed webhook or push
//   is retried by pg-boss with exponential backoff. A process killed after sending but before recording is the one
//   window in which a channel may receive a reminder twice.
import { createHash } from "node:crypto";
import type { Channel } from "@todo/contract/notifications";
import { sql } from "drizzle-orm";
import { fromPglite, type Job, type JobResult, PgBoss } from "pg-boss";
import type { DatabaseHandle } from "../db/client";
import { ChannelUnavailable, type Notifier, type Recipient, type ReminderTask } from "./channels";
import { sendDueDigests } from "./digest";
import { onTaskChanged } from "./hook";
import { settingsRow } from "./settings";

export const CHANNELS: Channel[] = ["email", "push", "webhook"];
const LOOKAHEAD_SECONDS = 90;
/** A reminder missed by more than this while the app was down is not sent any more. */
export const CATCH_UP_HOURS = 24;
const SWEEP_LIMIT = 5_000;

const Q_SWEEP = "reminder-sweep";
const Q_REMINDER = "reminder";
const Q_DELIVER = "reminder-deliver";

export interface SchedulerLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SchedulerOptions {
  handle: DatabaseHandle;
  /** Postgres URL (pg-boss keeps its own small pool); absent in embedded mode, where it shares the PGlite. */
  databaseUrl?: string;
  notifier: Notifier;
  logger?: SchedulerLogger;
  /** Seconds between idle polls of each queue (pg-boss's pollingIntervalSeconds, >= 0.5). */
  pollingIntervalSeconds?: number;
  /** Delay before the first webhook/push retry, doubled (with jitter) at each further one, in seconds. */
  retryDelaySeconds?: number;
  retryLimit?: number;
}

interface ReminderData {
  taskId: string;
  remindAt: string;
}
interface DeliverData extends ReminderData {
  channel: Channel;
}

/** A stable UUID (the shape pg-boss's id column wants) from a key: the same reminder always gets the same job. */
export function jobId(key: string): string {
  const h = createHash("sha256").update(key).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const silent: SchedulerLogger = { info() {}, warn() {}, error() {} };

type Rows<T> = { rows: T[] };

export interface ReminderScheduler {
  start(): Promise<void>;
  /** Looks for reminders due soon now (tests, and shortly after a task changed). */
  sweep(): Promise<number>;
  stop(): Promise<void>;
}

export function createReminderScheduler(options: SchedulerOptions): ReminderScheduler {
  const { handle, notifier } = options;
  const db = handle.db;
  const log = options.logger ?? silent;
  const polling = options.pollingIntervalSeconds ?? 1;
  let boss: PgBoss | undefined;
  let unhook: (() => void) | undefined;
  let pokeTimer: NodeJS.Timeout | undefined;
  let stopping = false;

  const query = async <T>(statement: ReturnType<typeof sql>) =>
    ((await db.execute(statement)) as unknown as Rows<T>).rows;

  async function sweep(): Promise<number> {
    if (!boss || stopping) return 0;
    const due = await query<{ id: string; remind_at: Date | string }>(sql`
      select t.id, t.remind_at from tasks t
       where t.remind_at is not null and t.completed = false and t.deleted_at is null
         and t.remind_at <= now() + make_interval(secs => ${LOOKAHEAD_SECONDS})
         and t.remind_at > now() - make_interval(hours => ${CATCH_UP_HOURS})
         and not exists (select 1 from reminder_fires f where f.task_id = t.id and f.remind_at = t.remind_at)
       order by t.remind_at
       limit ${SWEEP_LIMIT}`);
    if (due.length === 0) return 0;
    const jobs = due.map((r) => {
      const remindAt = new Date(r.remind_at).toISOString();
      return {
        id: jobId(`${r.id}|${remindAt}`),
        data: { taskId: r.id, remindAt } satisfies ReminderData,
        startAfter: new Date(remindAt),
      };
    });
    // insert() skips ids that exist (ON CONFLICT DO NOTHING): a reminder another sweep queued stays queued once.
    await boss.insert(Q_REMINDER, jobs);
    return jobs.length;
  }

  /** The task behind a reminder, if it still wants this reminder, with the person it goes to. */
  async function liveReminder(data: ReminderData): Promise<{ recipient: Recipient; task: ReminderTask } | null> {
    const [row] = await query<{
      title: string;
      description: string;
      due_at: Date | string | null;
      remind_at: Date | string | null;
      completed: boolean;
      deleted_at: unknown;
      recipient: string;
      email: string;
      number: number | null;
    }>(sql`
      select t.title, t.description, t.due_at, t.remind_at, t.completed, t.deleted_at,
             u.id as recipient, u.email, n.number
        from tasks t
        join users u on u.id = coalesce(t.assignee_id, t.user_id)
        left join task_numbers n on n.task_id = t.id and n.user_id = u.id
       where t.id = ${data.taskId}`);
    if (!row || row.completed || row.deleted_at || !row.remind_at) return null;
    if (new Date(row.remind_at).getTime() !== new Date(data.remindAt).getTime()) return null;
    const settings = await settingsRow(db, row.recipient);
    return {
      recipient: { userId: row.recipient, email: row.email, settings },
      task: {
        number: row.number ?? 0,
        title: row.title,
        description: row.description,
        dueAt: row.due_at ? new Date(row.due_at) : null,
        remindAt: new Date(row.remind_at),
      },
    };
  }

  async function fire(job: Job<ReminderData>): Promise<void> {
    const live = await liveReminder(job.data);
    if (!live) return; // moved, completed or deleted since it was queued
    const channels: Channel[] = [];
    for (const channel of CHANNELS) if (await notifier.usable(channel, live.recipient)) channels.push(channel);
    if (channels.length > 0) {
      await boss!.insert(
        Q_DELIVER,
        channels.map((channel) => ({
          id: jobId(`${job.data.taskId}|${job.data.remindAt}|${channel}`),
          data: { ...job.data, channel } satisfies DeliverData,
        })),
      );
    }
    await db.execute(
      sql`insert into reminder_fires (task_id, remind_at) values (${job.data.taskId}, ${job.data.remindAt})
          on conflict do nothing`,
    );
  }

  async function deliver(job: Job<DeliverData>): Promise<void> {
    const { taskId, remindAt, channel } = job.data;
    const live = await liveReminder(job.data);
    if (!live) return;
    const claimed = await query<{ id: number }>(sql`
      insert into reminder_deliveries (user_id, task_id, remind_at, channel, status, attempts)
      values (${live.recipient.userId}, ${taskId}, ${remindAt}, ${channel}, 'sending', 1)
      on conflict (task_id, remind_at, channel) do update
        set attempts = reminder_deliveries.attempts + 1, status = 'sending', updated_at = now()
        where reminder_deliveries.status <> 'sent'
      returning id`);
    if (claimed.length === 0) return; // already delivered
    const id = claimed[0]!.id;
    try {
      await notifier.deliver(channel, live.recipient, live.task);
      await db.execute(
        sql`update reminder_deliveries set status = 'sent', error = null, delivered_at = now(), updated_at = now()
             where id = ${id}`,
      );
    } catch (error) {
      const message = (error as Error).message.slice(0, 500);
      await db.execute(
        sql`update reminder_deliveries set status = 'failed', error = ${message}, updated_at = now() where id = ${id}`,
      );
      log.warn({ channel, taskId, err: message }, "reminder delivery failed");
      // A channel that is not set up will not get better by retrying.
      if (!(error instanceof ChannelUnavailable)) throw error;
    }
  }

  /** Each job of a batch settles on its own: one failing webhook does not send the others again. */
  const perJob =
    <T>(handler: (job: Job<T>) => Promise<void>) =>
    async (jobs: Job<T>[]): Promise<JobResult[]> =>
      Promise.all(
        jobs.map(async (job) => {
          try {
            await handler(job);
            return { id: job.id, status: "completed" as const };
          } catch (error) {
            return { id: job.id, status: "failed" as const, output: { message: (error as Error).message } };
          }
        }),
      );

  function poke() {
    if (pokeTimer || stopping) return;
    // After the change's transaction has committed (the hook is called inside it).
    pokeTimer = setTimeout(() => {
      pokeTimer = undefined;
      sweep().catch((error) => log.warn({ err: (error as Error).message }, "reminder sweep failed"));
    }, 250);
  }

  return {
    async start() {
      const common = { schema: "pgboss", migrate: true } as const;
      boss = handle.pglite
        ? new PgBoss({ ...common, db: fromPglite(handle.pglite), backend: "pglite" })
        : new PgBoss({ ...common, connectionString: options.databaseUrl!, max: 4 });
      boss.on("error", (error) => log.error({ err: (error as Error).message }, "reminder queue error"));
      await boss.start();
      await boss.createQueue(Q_SWEEP, { policy: "singleton", retryLimit: 0, expireInSeconds: 120 });
      await boss.createQueue(Q_REMINDER, { retryLimit: 10, retryDelay: 2, retryBackoff: true, expireInSeconds: 30 });
      await boss.createQueue(Q_DELIVER, {
        retryLimit: options.retryLimit ?? 8,
        retryDelay: options.retryDelaySeconds ?? 5,
        retryBackoff: true,
        retryDelayMax: 3_600,
        expireInSeconds: 30,
      });
      await boss.schedule(Q_SWEEP, "* * * * *");
      const batch = { batchSize: 20, burstWhenBatchFull: true, pollingIntervalSeconds: polling } as const;
      await boss.work<object>(Q_SWEEP, { pollingIntervalSeconds: polling }, async () => {
        await sweep();
        await sendDueDigests(db, notifier.mailer, notifier.appUrl).catch((error) =>
          log.warn({ err: (error as Error).message }, "daily digest failed"),
        );
      });
      await boss.work<ReminderData>(Q_REMINDER, { ...batch, perJobResults: true }, perJob(fire));
      await boss.work<DeliverData>(Q_DELIVER, { ...batch, localConcurrency: 2, perJobResults: true }, perJob(deliver));
      unhook = onTaskChanged(poke);
      const queued = await sweep();
      log.info({ queued }, "reminder scheduler started");
    },
    sweep,
    async stop() {
      stopping = true;
      unhook?.();
      if (pokeTimer) clearTimeout(pokeTimer);
      await boss?.stop({ graceful: true, timeout: 5_000 }).catch(() => {});
    },
  };
}
