// Numbers as a person reads them in a sentence: `1 event`, `1,388 streams`, `0 findings`.
import { formatCount } from './progress/format.js';

/** `n` with thousands separators and the noun in the number it takes. */
export const counted = (n: number, noun: string, plural = `${noun}s`): string =>
  `${formatCount(n)} ${n === 1 ? noun : plural}`;
