import type { Metadata } from "next";
import { ScopedTasksView } from "@/features/tasks/components/scoped-tasks-view";

export const metadata: Metadata = { title: "Today" };

export default function TodayPage() {
  return <ScopedTasksView title="Today" scope={{ view: "today" }} empty="Nothing due today or overdue." />;
}
