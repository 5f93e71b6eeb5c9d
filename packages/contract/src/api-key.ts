// Personal API keys: what creating one takes and what listing them shows (the key itself is shown once).
import { z } from "zod";
import { LIMITS } from "./limits";
import { NO_NUL, NO_NUL_MESSAGE } from "./text";

export const API_KEY_PREFIX = "tdo_";

/** `caldav`: the key opens /dav/ only (a phone's sync app), never the REST API or MCP. */
export const ApiKeyScope = z
  .enum(["all", "caldav"])
  .meta({ description: "all: REST, MCP and CalDAV; caldav: CalDAV (/dav/) only", example: "caldav" });
export type ApiKeyScope = z.infer<typeof ApiKeyScope>;

export const CreateApiKeyInput = z.strictObject({
  name: z
    .string()
    .regex(NO_NUL, `Name ${NO_NUL_MESSAGE}`)
    .trim()
    .min(1, "Name must not be empty")
    .max(LIMITS.apiKeyName, `Name must be at most ${LIMITS.apiKeyName} characters`)
    .meta({ description: "What the key is for", example: "Claude Desktop" }),
  scope: ApiKeyScope.default("all"),
});
export type CreateApiKeyInput = z.output<typeof CreateApiKeyInput>;

export const ApiKey = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().meta({ description: "The first characters of the key, to recognise it" }),
    scope: ApiKeyScope,
    created_at: z.string(),
    last_used_at: z.string().nullable(),
  })
  .meta({ id: "ApiKey" });
export type ApiKey = z.infer<typeof ApiKey>;

export const CreatedApiKey = ApiKey.extend({ key: z.string() });
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;
