// "Did you mean …?" for a mistyped command or option: the closest known name by edit distance,
// or the one the word begins or abbreviates (`--form` for `--format`, `--rm` for `--read-models`).

/** Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      (rows[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** True when `word` is `name` with letters left out, from its first letter: `rm`, `tz`, `form`. */
function abbreviates(word: string, name: string): boolean {
  if (word.length < 2 || word[0] !== name[0]) return false;
  let i = 0;
  for (const letter of name) if (letter === word[i]) i++;
  return i === word.length;
}

/**
 * The name `word` was meant to be: the only one it begins, else the nearest by a typo or two,
 * else one it abbreviates; undefined when none is close enough to be meant.
 */
export function closest(word: string, names: readonly string[]): string | undefined {
  const begun = names.filter((name) => word.length >= 2 && name.startsWith(word));
  if (begun.length === 1) return begun[0];
  const typo = names
    .map((name) => ({ name, distance: editDistance(word, name) }))
    .filter(({ name, distance }) => distance <= Math.max(1, Math.floor(name.length / 3)))
    .sort((x, y) => x.distance - y.distance)[0];
  return typo?.name ?? names.find((name) => abbreviates(word, name));
}
