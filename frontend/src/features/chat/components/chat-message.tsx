"use client";

import { isToolUIPart, type UIMessage } from "ai";
import { cn } from "@/lib/utils";
import { ToolCall } from "./tool-call";

export function ChatMessage({ message }: { message: UIMessage }) {
  const isUser = message.role === "user";
  const tools = message.parts.filter(isToolUIPart);
  const text = message.parts
    .map((p) => (p.type === "text" ? p.text : ""))
    .join("")
    .trim();
  return (
    <li
      className={cn("flex flex-col gap-1.5", isUser ? "items-end" : "items-start")}
      data-testid={`chat-message-${message.role}`}
    >
      <span className="sr-only">{isUser ? "You said:" : "Assistant:"}</span>
      {tools.length > 0 && (
        <fieldset className="flex w-full flex-col gap-1">
          <legend className="sr-only">Tool calls</legend>
          {tools.map((part) => (
            <ToolCall key={part.toolCallId} part={part} />
          ))}
        </fieldset>
      )}
      {text && (
        <div
          className={cn(
            "max-w-[90%] rounded-lg px-3 py-2 text-sm break-words whitespace-pre-wrap",
            isUser ? "bg-primary text-primary-foreground" : "bg-muted text-foreground",
          )}
        >
          {text}
        </div>
      )}
    </li>
  );
}
