import type { Metadata } from "next";
import { ScopedTasksView } from "@/features/tasks/components/scoped-tasks-view";

export const metadata: Metadata = { title: "Inbox" };

export default function InboxPage() {
  return (
    <ScopedTasksView
      title="Inbox"
      scope={{ project: "inbox", parent: "none", sort: "position" }}
      empty="Your Inbox is empty. Tasks without a project land here."
    />
  );
}
