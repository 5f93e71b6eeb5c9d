"use client";

import { type DynamicToolUIPart, getToolName, type ToolUIPart } from "ai";
import { CheckIcon, ChevronRightIcon, Loader2Icon, WrenchIcon, XIcon } from "lucide-react";
import { cn } from "@/lib/utils";

function json(value: unknown): string {
  if (value === undefined) return "";
  if (typeof value === "string") {
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      return value;
    }
  }
  return JSON.stringify(value, null, 2);
}

/** MCP tool results arrive as {content: [{type: "text", text}], isError}; show the text (pretty JSON if it is JSON). */
function resultText(output: unknown): string {
  if (typeof output === "object" && output !== null && "content" in output && Array.isArray(output.content)) {
    const texts = (output.content as Array<{ type?: string; text?: string }>)
      .filter((part) => part?.type === "text" && typeof part.text === "string")
      .map((part) => json(part.text));
    if (texts.length > 0) return texts.join("\n");
  }
  return json(output);
}

/** One tool call the assistant made: its name, what it was asked (input) and what came back (output). */
export function ToolCall({ part }: { part: ToolUIPart | DynamicToolUIPart }) {
  const name = getToolName(part);
  const failed = part.state === "output-error" || part.state === "output-denied";
  const done = part.state === "output-available";
  const isError =
    failed ||
    (done &&
      typeof part.output === "object" &&
      part.output !== null &&
      "isError" in part.output &&
      Boolean(part.output.isError));
  return (
    <details className="group/tool rounded-md border bg-background text-xs" data-testid="tool-call" data-tool={name}>
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2.5 py-1.5 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 [&::-webkit-details-marker]:hidden">
        <ChevronRightIcon aria-hidden className="size-3.5 transition-transform group-open/tool:rotate-90" />
        <WrenchIcon aria-hidden className="size-3.5 text-muted-foreground" />
        <code className="font-mono font-medium">{name}</code>
        <span className="ml-auto inline-flex items-center gap-1 text-muted-foreground">
          {isError ? (
            <>
              <XIcon aria-hidden className="size-3.5 text-destructive" /> failed
            </>
          ) : done ? (
            <>
              <CheckIcon aria-hidden className="size-3.5 text-success" /> done
            </>
          ) : (
            <>
              <Loader2Icon aria-hidden className="size-3.5 animate-spin" /> running
            </>
          )}
        </span>
      </summary>
      <div className="flex flex-col gap-2 border-t px-2.5 py-2">
        <div>
          <p className="mb-1 font-medium text-muted-foreground">Input</p>
          <pre className="overflow-x-auto rounded bg-muted p-2 font-mono whitespace-pre-wrap break-all">
            {json(part.input) || "{}"}
          </pre>
        </div>
        {(done || failed) && (
          <div>
            <p className="mb-1 font-medium text-muted-foreground">{failed ? "Error" : "Output"}</p>
            <pre
              className={cn(
                "overflow-x-auto rounded bg-muted p-2 font-mono whitespace-pre-wrap break-all",
                isError && "text-destructive",
              )}
            >
              {failed ? (part.errorText ?? "Denied") : resultText(part.output)}
            </pre>
          </div>
        )}
      </div>
    </details>
  );
}
