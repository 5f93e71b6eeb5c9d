// Per-user task numbers (design section 12): every task a user can see has a number in that user's own sequence,
// given when the task first becomes visible to them. `task_numbers` holds a row exactly for each (user, task) the
// user can see, so a lookup by (user, number) can never name a task the caller cannot see.
import { type SQL, sql } from "drizzle-orm";
import { executePrepared } from "../db/prepared";
import { projectMembers, taskCounters, taskNumbers, tasks } from "../db/schema";
import type { Executor } from "../tasks/task-rows";

/** Who can see the tasks of a container: the project's members, or the Inbox's owner. */
export function viewersOf(projectId: string | null, inboxOwner: string): SQL {
  return projectId === null
    ? sql`select ${inboxOwner}::text as user_id`
    : sql`select ${projectMembers.userId} as user_id from ${projectMembers} where ${projectMembers.projectId} = ${projectId}`;
}

/**
 * Gives each viewer (`viewers`: a query of user_id) a number for each task (`taskSet`: a query of id, created_at)
 * they do not have one for yet, in creation order, taking them from the viewer's counter in one statement.
 */
export async function giveNumbers(db: Executor, viewers: SQL, taskSet: SQL): Promise<void> {
  await executePrepared(
    db,
    sql`
    with want as (
      select u.user_id, t.id as task_id, row_number() over (partition by u.user_id order by t.created_at, t.id) as rn
        from (${viewers}) u cross join (${taskSet}) t
       where not exists (select 1 from ${taskNumbers} n where n.user_id = u.user_id and n.task_id = t.id)
    ),
    wanted as (select user_id, count(*)::int as k from want group by user_id),
    counters as (
      insert into ${taskCounters} (user_id, last_number) select user_id, k from wanted order by user_id
      on conflict (user_id) do update set last_number = ${taskCounters}.last_number + excluded.last_number
      returning user_id, last_number
    )
    insert into ${taskNumbers} (user_id, number, task_id)
    select w.user_id, c.last_number - k.k + w.rn, w.task_id
      from want w join wanted k on k.user_id = w.user_id join counters c on c.user_id = w.user_id`,
  );
}

/** The tasks of a subtree (the task and every descendant, bounded by the depth limit) as (id, created_at). */
export function subtreeOf(rootId: string): SQL {
  return sql`
    with recursive sub(id, created_at, depth) as (
      select ${tasks.id}, ${tasks.createdAt}, 1 from ${tasks} where ${tasks.id} = ${rootId}
      union all
      select c.id, c.created_at, sub.depth + 1 from ${tasks} c join sub on c.parent_id = sub.id where sub.depth < 8
    )
    select id, created_at from sub`;
}

/** Every task of a project (deleted ones too, so an undone delete keeps everyone's number). */
export function projectTasks(projectId: string): SQL {
  return sql`select ${tasks.id} as id, ${tasks.createdAt} as created_at from ${tasks} where ${tasks.projectId} = ${projectId}`;
}

/** After a subtree moved into a container: numbers for the container's viewers, none left for anyone else. */
export async function syncVisibility(
  db: Executor,
  rootId: string,
  projectId: string | null,
  inboxOwner: string,
): Promise<void> {
  const viewers = viewersOf(projectId, inboxOwner);
  await executePrepared(
    db,
    sql`delete from ${taskNumbers}
         where ${taskNumbers.taskId} in (select id from (${subtreeOf(rootId)}) s)
           and ${taskNumbers.userId} not in (select user_id from (${viewers}) v)`,
  );
  await giveNumbers(db, viewers, subtreeOf(rootId));
}

/** A member left or was removed: they keep no number for the project's tasks. */
export async function forgetNumbers(db: Executor, projectId: string, userId: string): Promise<void> {
  await executePrepared(
    db,
    sql`delete from ${taskNumbers} where ${taskNumbers.userId} = ${userId}
           and ${taskNumbers.taskId} in (${sql`select ${tasks.id} from ${tasks} where ${tasks.projectId} = ${projectId}`})`,
  );
}
