// The Merkle tree over the whole log, as RFC 6962 (§2.1) and RFC 9162 define it for Certificate
// Transparency: leaves hashed with a 0x00 prefix, interior nodes with 0x01, the left subtree
// always the largest power of two. Built as the log streams past, holding one hash per level.
import { createHash } from 'node:crypto';

const LEAF = Buffer.from([0x00]);
const NODE = Buffer.from([0x01]);

/** SHA-256(0x00 || leaf): the hash of one entry of the log (a string counts as its UTF-8). */
export const leafHash = (leaf: string | Uint8Array): Buffer => {
  const hash = createHash('sha256').update(LEAF);
  return (typeof leaf === 'string' ? hash.update(leaf, 'utf8') : hash.update(leaf)).digest();
};

/** SHA-256(0x01 || left || right). */
export const nodeHash = (left: Buffer, right: Buffer): Buffer =>
  createHash('sha256').update(NODE).update(left).update(right).digest();

/** The root of a tree with no leaves: SHA-256 of nothing. */
export const emptyRoot = (): Buffer => createHash('sha256').digest();

export interface LogTree {
  /** Appends the next leaf's hash (from `leafHash`). */
  push(leaf: Buffer): void;
  readonly size: number;
  /** The tree head (RFC 6962's MTH) over every leaf pushed so far. */
  root(): Buffer;
}

/**
 * A tree that keeps only the roots of its complete subtrees, largest first: pushing a leaf
 * merges equal-sized neighbours, so memory grows with log2 of the size and each leaf costs one
 * node hash on average.
 */
export function createLogTree(): LogTree {
  const subtrees: { size: number; hash: Buffer }[] = [];
  let size = 0;
  return {
    push(leaf) {
      let top = { size: 1, hash: leaf };
      for (let last = subtrees.at(-1); last !== undefined && last.size === top.size;) {
        subtrees.pop();
        top = { size: last.size * 2, hash: nodeHash(last.hash, top.hash) };
        last = subtrees.at(-1);
      }
      subtrees.push(top);
      size++;
    },
    get size() {
      return size;
    },
    root() {
      // MTH splits at the largest power of two below the size: exactly these subtrees, folded
      // from the smallest (rightmost) up.
      let hash = subtrees.at(-1)?.hash;
      if (hash === undefined) return emptyRoot();
      for (let i = subtrees.length - 2; i >= 0; i--) {
        hash = nodeHash((subtrees[i] as { hash: Buffer }).hash, hash);
      }
      return hash;
    },
  };
}
