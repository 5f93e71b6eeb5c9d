// The benchmark's baseline: a bare node:http + pg server answering the same list query as GET /api/tasks.
import http from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const userId = process.env.BENCH_USER_ID;
const port = Number(process.env.PORT);

http
  .createServer(async (_req, res) => {
    try {
      const { rows } = await pool.query(
        `select n.number as id, title, description, completed, priority, tags, due_at, remind_at, recurrence,
                completed_at, created_at, updated_at, count(*) over() as total
           from task_numbers n join tasks t on t.id = n.task_id
          where n.user_id = $1 and t.deleted_at is null order by created_at desc, n.number desc limit 50`,
        [userId],
      );
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ tasks: rows, total: Number(rows[0]?.total ?? 0) }));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  })
  .listen(port, "127.0.0.1", () => console.log(`baseline listening on ${port}`));
