"use client";

import { useState } from "react";
import { ApiKeysCard } from "./api-keys-card";
import { McpConfigCard } from "./mcp-config-card";

export function KeysSettings({ mcpUrl, mcpPort }: { mcpUrl: string | null; mcpPort: number }) {
  const [newKey, setNewKey] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-6">
      <ApiKeysCard onCreated={(key) => setNewKey(key.key)} />
      <McpConfigCard mcpUrl={mcpUrl} mcpPort={mcpPort} apiKey={newKey} />
    </div>
  );
}
