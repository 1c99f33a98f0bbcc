/**
 * Typo tolerance for the knowledge-base search: how many typos a query word may hold, and a distance that gives up
 * as soon as it passes that bound (so comparing a word with thousands of terms stays cheap).
 */

/** Typos forgiven in a (normalized) query word: none below 4 letters, 1 up to 7, 2 from 8 on. */
export function allowedTypos(word: string): number {
  if (word.length < 4) return 0;
  return word.length <= 7 ? 1 : 2;
}

/**
 * Damerau–Levenshtein distance (optimal string alignment: insert, delete, substitute, swap two neighbours)
 * between `a` and `b`, or `Infinity` once it is certain to exceed `max`.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return Infinity;
  if (a === b) return 0;
  const columns = b.length + 1;
  // Three rows: the one before the previous is needed for swaps.
  let before = new Array<number>(columns).fill(0);
  let previous = Array.from({ length: columns }, (_, j) => j);
  let current = new Array<number>(columns).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowBest = i;
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      if (value < rowBest) rowBest = value;
    }
    // Every path to the end passes through this row: nothing below the row's best is still possible.
    if (rowBest > max) return Infinity;
    [before, previous, current] = [previous, current, before];
  }
  const distance = previous[b.length]!;
  return distance <= max ? distance : Infinity;
}
