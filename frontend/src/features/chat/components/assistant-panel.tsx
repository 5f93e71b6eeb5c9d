"use client";

import { useChat } from "@ai-sdk/react";
import { LIMITS } from "@todo/contract/limits";
import {
  HistoryIcon,
  Loader2Icon,
  SendIcon,
  SparklesIcon,
  SquareIcon,
  SquarePenIcon,
  Trash2Icon,
  XIcon,
} from "lucide-react";
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/utils";
import {
  chatErrorMessage,
  createChatTransport,
  loadConversation,
  useConversations,
  useDeleteConversation,
} from "../api/chat";
import { ChatMessage } from "./chat-message";

export const CHAT_INPUT_ID = "assistant-input";

const SUGGESTIONS = ["Add buy milk tomorrow", "What is due this week?", "Remind me to pay rent every 1st at 9am"];

/**
 * The assistant as a side panel: streamed answers and, above each answer, the tool calls it made.
 * `onTurnFinished` lets the page refresh whatever the assistant may have changed.
 */
export function AssistantPanel({
  id,
  open,
  onClose,
  onTurnFinished,
}: {
  id?: string;
  open: boolean;
  onClose: () => void;
  onTurnFinished: () => void;
}) {
  const conversationId = useRef<string | null>(null);
  const transport = useMemo(() => createChatTransport(conversationId), []);
  const { messages, sendMessage, status, error, stop, setMessages, clearError } = useChat({
    transport,
    onFinish: () => onTurnFinished(),
    onError: () => onTurnFinished(),
  });
  const [input, setInput] = useState("");
  const [historyOpen, setHistoryOpen] = useState(false);
  const conversations = useConversations(historyOpen);
  const deleteConversation = useDeleteConversation();
  const headingId = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const busy = status === "submitted" || status === "streaming";

  // Keep the newest words in view while the answer streams in.
  useEffect(() => {
    const list = listRef.current;
    if (list && messages.length > 0) list.scrollTop = list.scrollHeight;
  }, [messages]);

  useEffect(() => {
    if (open) document.getElementById(CHAT_INPUT_ID)?.focus();
  }, [open]);

  function send(text: string) {
    const trimmed = text.trim();
    if (!trimmed || busy) return;
    clearError();
    void sendMessage({ text: trimmed });
    setInput("");
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    send(input);
  }

  function newConversation() {
    if (busy) stop();
    conversationId.current = null;
    setMessages([]);
    clearError();
    document.getElementById(CHAT_INPUT_ID)?.focus();
  }

  async function openConversation(id: string) {
    try {
      const loaded = await loadConversation(id);
      if (busy) stop();
      conversationId.current = id;
      setMessages(loaded);
      clearError();
    } catch {
      toast.error("That conversation could not be loaded.");
    }
  }

  return (
    <aside
      id={id}
      aria-labelledby={headingId}
      hidden={!open}
      data-testid="assistant-panel"
      onKeyDown={(e) => {
        // Escape inside a menu opened from the panel (portalled elsewhere in the DOM) only closes the menu.
        if (e.key === "Escape" && !e.defaultPrevented && e.currentTarget.contains(e.target as Node)) onClose();
      }}
      className={cn(
        "fixed inset-0 z-40 flex flex-col bg-background lg:sticky lg:top-14 lg:z-auto lg:h-[calc(100dvh-3.5rem)] lg:w-[400px] lg:shrink-0 lg:border-l",
      )}
    >
      <div className="flex h-14 items-center gap-1 border-b px-3">
        <SparklesIcon aria-hidden className="size-4 text-muted-foreground" />
        <h2 id={headingId} className="mr-auto pl-1 font-semibold">
          Assistant
        </h2>
        <DropdownMenu open={historyOpen} onOpenChange={setHistoryOpen}>
          <DropdownMenuTrigger asChild>
            <Button variant="ghost" size="icon-sm" aria-label="Past conversations">
              <HistoryIcon aria-hidden />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end" className="w-72">
            <DropdownMenuLabel>Past conversations</DropdownMenuLabel>
            <DropdownMenuSeparator />
            {conversations.isPending && <DropdownMenuItem disabled>Loading…</DropdownMenuItem>}
            {conversations.isError && <DropdownMenuItem disabled>Could not load conversations</DropdownMenuItem>}
            {conversations.data?.length === 0 && <DropdownMenuItem disabled>No conversations yet</DropdownMenuItem>}
            {conversations.data?.slice(0, 20).map((c) => (
              <div key={c.id} className="flex items-center">
                <DropdownMenuItem className="min-w-0 flex-1" onSelect={() => void openConversation(c.id)}>
                  <span className="truncate">{c.title || "Untitled conversation"}</span>
                </DropdownMenuItem>
                <Button
                  variant="ghost"
                  size="icon-sm"
                  aria-label={`Delete conversation “${c.title || "Untitled"}”`}
                  onClick={() => {
                    deleteConversation.mutate(c.id);
                    if (conversationId.current === c.id) newConversation();
                  }}
                >
                  <Trash2Icon aria-hidden />
                </Button>
              </div>
            ))}
          </DropdownMenuContent>
        </DropdownMenu>
        <Button variant="ghost" size="icon-sm" aria-label="New conversation" onClick={newConversation}>
          <SquarePenIcon aria-hidden />
        </Button>
        <Button variant="ghost" size="icon-sm" aria-label="Close assistant" onClick={onClose}>
          <XIcon aria-hidden />
        </Button>
      </div>

      <div
        ref={listRef}
        role="log"
        aria-live="polite"
        aria-label="Conversation"
        className="flex-1 overflow-y-auto px-4 py-4"
        data-testid="chat-log"
      >
        <ol className="flex flex-col gap-4">
          {messages.length === 0 && (
            <li className="flex flex-col gap-3 text-sm text-muted-foreground">
              <p>
                Ask in plain language: add, find, change or complete tasks. You will see every action the assistant
                takes.
              </p>
              <div className="flex flex-wrap gap-2">
                {SUGGESTIONS.map((s) => (
                  <Button
                    key={s}
                    variant="outline"
                    size="sm"
                    className="h-auto py-1.5 whitespace-normal"
                    onClick={() => send(s)}
                  >
                    {s}
                  </Button>
                ))}
              </div>
            </li>
          )}
          {messages.map((message) => (
            <ChatMessage key={message.id} message={message} />
          ))}
          {status === "submitted" && (
            <li className="flex items-center gap-2 text-sm text-muted-foreground">
              <Loader2Icon aria-hidden className="size-4 animate-spin" /> Thinking…
            </li>
          )}
          {error && (
            <li
              role="alert"
              className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive"
            >
              {chatErrorMessage(error)}
            </li>
          )}
        </ol>
      </div>

      <form onSubmit={onSubmit} className="flex items-end gap-2 border-t p-3">
        <label htmlFor={CHAT_INPUT_ID} className="sr-only">
          Message the assistant
        </label>
        <Textarea
          id={CHAT_INPUT_ID}
          value={input}
          onChange={(e) => setInput(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              send(input);
            }
          }}
          placeholder="Ask or tell the assistant…"
          rows={1}
          maxLength={LIMITS.chatMessage}
          className="max-h-40 min-h-10 resize-none"
        />
        {busy ? (
          <Button type="button" size="icon" variant="outline" onClick={() => stop()} aria-label="Stop answering">
            <SquareIcon aria-hidden />
          </Button>
        ) : (
          <Button type="submit" size="icon" disabled={!input.trim()} aria-label="Send message">
            <SendIcon aria-hidden />
          </Button>
        )}
      </form>
    </aside>
  );
}
