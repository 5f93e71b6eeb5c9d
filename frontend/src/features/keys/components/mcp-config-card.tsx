"use client";

import { PlugIcon } from "lucide-react";
import { useState, useSyncExternalStore } from "react";
import { CopyButton } from "@/components/copy-button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/utils";

const PLACEHOLDER_KEY = "<your-api-key>";

type Client = "json" | "claude-code" | "vscode";

const CLIENTS: Array<{ id: Client; label: string; hint: string }> = [
  {
    id: "json",
    label: "Claude Desktop / Cursor",
    hint: "Add this to the client's MCP configuration file (mcpServers).",
  },
  { id: "claude-code", label: "Claude Code", hint: "Run this once in a terminal." },
  { id: "vscode", label: "VS Code", hint: "Save as .vscode/mcp.json in your workspace." },
];

function snippet(client: Client, url: string, key: string): string {
  const headers = { Authorization: `Bearer ${key}` };
  switch (client) {
    case "claude-code":
      return `claude mcp add --transport http todo ${url} --header "Authorization: Bearer ${key}"`;
    case "vscode":
      return JSON.stringify({ servers: { todo: { type: "http", url, headers } } }, null, 2);
    default:
      return JSON.stringify({ mcpServers: { todo: { type: "http", url, headers } } }, null, 2);
  }
}

function noop() {
  return () => {};
}

/** Ready-to-paste configuration for MCP clients; includes the key just created, if any. */
export function McpConfigCard({
  mcpUrl,
  mcpPort,
  apiKey,
}: {
  mcpUrl: string | null;
  mcpPort: number;
  apiKey: string | null;
}) {
  const [client, setClient] = useState<Client>("json");
  // Without a configured public URL, the MCP server is assumed on the page's host, at the configured MCP_PORT.
  const url = useSyncExternalStore(
    noop,
    () => mcpUrl ?? `${window.location.protocol}//${window.location.hostname}:${mcpPort}/mcp`,
    () => mcpUrl ?? `http://localhost:${mcpPort}/mcp`,
  );
  const text = snippet(client, url, apiKey ?? PLACEHOLDER_KEY);
  const current = CLIENTS.find((c) => c.id === client)!;
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <PlugIcon aria-hidden className="size-4" /> Connect an AI client (MCP)
        </CardTitle>
        <CardDescription>
          The MCP server at <code className="font-mono text-foreground">{url}</code> gives any MCP client the task
          tools: add, list, update, complete and delete.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <fieldset className="flex flex-wrap gap-1">
          <legend className="sr-only">Client</legend>
          {CLIENTS.map((c) => (
            <button
              key={c.id}
              type="button"
              aria-pressed={client === c.id}
              onClick={() => setClient(c.id)}
              className={cn(
                "rounded-md border px-3 py-1.5 text-sm font-medium outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
                client === c.id ? "border-primary bg-primary text-primary-foreground" : "hover:bg-accent",
              )}
            >
              {c.label}
            </button>
          ))}
        </fieldset>
        <p className="text-sm text-muted-foreground">{current.hint}</p>
        <div className="relative">
          <pre
            className="rounded-md border bg-muted p-4 pt-12 font-mono text-xs leading-relaxed whitespace-pre-wrap wrap-anywhere sm:pt-4 sm:pr-24"
            data-testid="mcp-config"
          >
            {text}
          </pre>
          <div className="absolute top-2 right-2">
            <CopyButton text={text} />
          </div>
        </div>
        {!apiKey && (
          <p className="text-sm text-muted-foreground">
            Replace <code className="font-mono text-foreground">{PLACEHOLDER_KEY}</code> with a key from above, or
            create a new key and this snippet fills itself in.
          </p>
        )}
      </CardContent>
    </Card>
  );
}
