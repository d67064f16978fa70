// Edit distance for typo tolerance in the catalogue search: optimal string alignment (Levenshtein
// plus the swap of two neighbouring letters, "lumpru" → "lumpur" costs 1), stopped early once
// the distance must exceed `max`.

/** The distance between a and b, or max + 1 when it is larger than max. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, before[j - 2] + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length], max + 1);
}

/** How many edits a word of this length may carry and still be recognised. */
export function allowedEdits(word: string) {
  return word.length <= 3 ? 0 : word.length <= 6 ? 1 : 2;
}

/**
 * The closest word of the vocabulary within the allowed edits (ties: the more frequent word,
 * then the alphabetically first), or null.
 */
export function closestWord(word: string, vocabulary: Iterable<[string, number]>): string | null {
  const max = allowedEdits(word);
  if (max === 0) return null;
  let best: { word: string; distance: number; frequency: number } | null = null;
  for (const [candidate, frequency] of vocabulary) {
    const distance = editDistance(word, candidate, best ? Math.min(best.distance, max) : max);
    if (distance > max) continue;
    if (
      !best ||
      distance < best.distance ||
      (distance === best.distance &&
        (frequency > best.frequency || (frequency === best.frequency && candidate < best.word)))
    )
      best = { word: candidate, distance, frequency };
  }
  return best?.word ?? null;
}
