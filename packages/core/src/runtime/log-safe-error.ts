// What an error may carry into a log line. A failed query's error holds every SQL parameter (API-key hashes,
// session tokens, user text) in `params` and in its message, and Postgres's `detail` repeats values ("Key
// (key_hash)=(…) already exists"), as do data-exception messages; a log keeps the SQL text, the codes and the
// cause chain, never the values.
const KEPT = ["code", "severity", "constraint", "table", "column", "schema", "routine", "errno", "syscall"] as const;

export interface SafeError {
  type: string;
  message: string;
  stack?: string;
  query?: string;
  cause?: SafeError;
  [key: string]: unknown;
}

/** SQLSTATE classes whose messages quote the offending value (data exceptions, integrity violations). */
const QUOTES_VALUES = /^2[23]/;

function withoutParams(text: string): string {
  const at = text.indexOf("\nparams:");
  return at === -1 ? text : text.slice(0, at);
}

/** A plain copy of `error` (and its causes) without SQL parameters or values, ready for a JSON log line. */
export function logSafeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error) || depth > 5) return error;
  const source = error as Error & Record<string, unknown>;
  const sqlState = typeof source.code === "string" && /^[0-9A-Z]{5}$/.test(source.code) ? source.code : undefined;
  const message =
    sqlState && QUOTES_VALUES.test(sqlState)
      ? `SQLSTATE ${sqlState} (message withheld: it quotes a value)`
      : withoutParams(error.message);
  const safe: SafeError = { type: error.constructor?.name ?? "Error", message };
  if (error.stack) {
    // The stack opens with the message; keep only its frames after the first line of the message.
    const frames = error.stack.split("\n").filter((line) => /^\s+at /.test(line));
    safe.stack = [`${safe.type}: ${safe.message}`, ...frames].join("\n");
  }
  if (typeof source.query === "string") safe.query = source.query;
  for (const key of KEPT) if (source[key] !== undefined) safe[key] = source[key];
  if (source.cause !== undefined) safe.cause = logSafeError(source.cause, depth + 1) as SafeError;
  return safe;
}
