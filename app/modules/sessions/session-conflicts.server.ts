// Holds back a move or an invitation that would give someone two sessions at once, until the user
// confirms (the same form again with confirm=1). A warning, not a refusal.
import { OutOfScopeError } from "~/errors";
import type { SessionConflictResult } from "~/components/session-conflicts";

type Conflict = { id: string; title: string | null; startsAt: Date; people: string[] };

export async function holdForConflicts(
  intent: "move" | "invite",
  formData: FormData,
  find: () => Promise<Conflict[]>,
): Promise<Response | null> {
  if (formData.get("confirm") === "1") return null;
  let conflicts: Conflict[];
  try {
    conflicts = await find();
  } catch (error) {
    // refusals are answered by the write itself; a time that does not exist, by the route's form
    if (error instanceof OutOfScopeError) return null;
    throw error;
  }
  if (conflicts.length === 0) return null;
  const resubmit = [...formData.entries()].filter(
    (entry): entry is [string, string] => typeof entry[1] === "string" && entry[0] !== "confirm",
  );
  return Response.json({
    intent,
    result: undefined,
    conflicts: conflicts.map((c) => ({
      id: c.id,
      title: c.title,
      startsAt: c.startsAt.toISOString(),
      people: c.people,
    })),
    resubmit,
  } satisfies SessionConflictResult & { result: undefined });
}
