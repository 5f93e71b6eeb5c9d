"use client";

import { useEffect, useEffectEvent } from "react";

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * A single-key shortcut ("n", "/", "?") that never fires while the person is typing in a field or holding a
 * modifier, so it cannot swallow text.
 */
export function useShortcut(key: string, handler: (event: KeyboardEvent) => void) {
  const onShortcut = useEffectEvent(handler);
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== key || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTyping(event.target)) return;
      if (document.querySelector("[role=dialog][data-state=open]")) return;
      event.preventDefault();
      onShortcut(event);
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [key]);
}
