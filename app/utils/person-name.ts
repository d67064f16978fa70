// Indonesian names as people write them: titles before (Dr., Ir., Drs., H., Hj., Prof.) and
// degrees after a comma (S.T., M.T., S.E., M.M., M.Si.). People mention a colleague by the name
// they use ("@Siti", "@Bambang"), never by the title.

/** Titles that stand before a name; compared without dots and case ("dr", "hj", "prof"). */
const TITLES = new Set([
  "dr",
  "drs",
  "dra",
  "drg",
  "ir",
  "h",
  "hj",
  "prof",
  "kh",
  "tn",
  "ny",
  "nn",
  "bpk",
  "bapak",
  "ibu",
  "sdr",
  "sdri",
  "apt",
  "ns",
]);

/** "Dr. Siti Rahmawati, S.T., M.T." → ["Siti", "Rahmawati"]: the words of the name itself. */
export function nameParts(name: string): string[] {
  // degrees follow the first comma
  const [core] = name.split(",");
  const words = core.split(/\s+/).filter(Boolean);
  const parts = words.filter((word) => !TITLES.has(word.replace(/\./g, "").toLowerCase()));
  // a title-like word that is really the name (a person called "Ibu") is kept when nothing else is left
  const kept = parts.length > 0 ? parts : words;
  // words that are degrees or initials written without a comma ("S.T.", "M.Si", "A.")
  const named = kept.filter(
    (word) => !/^([A-Za-z]{1,3}\.)+[A-Za-z]{0,3}\.?$/.test(word) || kept.length === 1,
  );
  return named.map((word) => word.replace(/[^\p{L}\p{N}'-]/gu, "")).filter(Boolean);
}

/** Every lower-case handle that reaches this person: each part of the name, the parts joined by dots, the email. */
export function mentionHandles(person: { name: string; email: string }): string[] {
  const parts = nameParts(person.name).map((p) => p.toLowerCase());
  return [...new Set([...parts, parts.join("."), person.email.toLowerCase()])].filter(Boolean);
}

/** The handles written in a text: "@Siti", "@siti.rahmawati", "@bambang@pu.go.id". */
export function handlesIn(text: string): string[] {
  return [...text.matchAll(/(?:^|[^\p{L}\p{N}@])@([\p{L}\p{N}._%+'-]+(?:@[\w.-]+)?)/gu)].map((m) =>
    m[1].replace(/[.,]+$/, "").toLowerCase(),
  );
}

/** The people a text mentions, by any handle that reaches them. */
export function mentionedPeople<P extends { name: string; email: string }>(text: string, people: P[]): P[] {
  const handles = new Set(handlesIn(text));
  if (handles.size === 0) return [];
  return people.filter((person) => mentionHandles(person).some((handle) => handles.has(handle)));
}

/**
 * The shortest handle to offer for each person: the first part of the name ("@Siti"), or the
 * parts joined by dots where another person shares it ("@siti.rahmawati").
 */
export function suggestedHandle<P extends { id: string; name: string; email: string }>(
  person: P,
  people: P[],
) {
  const parts = nameParts(person.name);
  const first = parts[0];
  if (!first) return person.email;
  const shared = people.some(
    (other) =>
      other.id !== person.id && nameParts(other.name).some((p) => p.toLowerCase() === first.toLowerCase()),
  );
  return shared ? parts.join(".") : first;
}
