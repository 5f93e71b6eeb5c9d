import { defineServiceConfig } from "../tsup.service";

export default defineServiceConfig(["src/index.ts", "src/migrate.ts"], { embedded: true });
