import { Button } from "@/components/ui/button";

/** The next page of a task list, with how many are left. */
export function ShowMore({ left, loading, onClick }: { left: number; loading: boolean; onClick: () => void }) {
  return (
    <Button variant="outline" className="self-center" onClick={onClick} disabled={loading}>
      {loading ? "Loading…" : `Show more (${left} left)`}
    </Button>
  );
}
