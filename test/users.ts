// Creates users straight in the database for service-level tests (routes sign up through Better Auth).
import { randomUUID } from "node:crypto";
import type { Database } from "@todo/core/db/client";
import { users } from "@todo/core/db/schema";

export async function insertUser(db: Database, name = "Test User"): Promise<string> {
  const id = randomUUID();
  await db.insert(users).values({ id, name, email: `${id}@example.test` });
  return id;
}
