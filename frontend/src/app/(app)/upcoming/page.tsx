import type { Metadata } from "next";
import { ScopedTasksView } from "@/features/tasks/components/scoped-tasks-view";

export const metadata: Metadata = { title: "Upcoming" };

export default function UpcomingPage() {
  return (
    <ScopedTasksView title="Upcoming" scope={{ view: "upcoming" }} empty="Nothing due in the next two weeks." byDay />
  );
}
