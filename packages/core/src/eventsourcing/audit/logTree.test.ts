import { describe, expect, it } from 'vitest';
import { createLogTree, emptyRoot, leafHash, nodeHash } from './logTree.js';

// The reference leaves and tree heads of Certificate Transparency's own tests (RFC 6962).
const LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((hex) => Buffer.from(hex, 'hex'));
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

/** RFC 6962's MTH, written as the recursion in §2.1, to check the streaming tree against. */
function mth(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return emptyRoot();
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

describe('the log tree (RFC 6962)', () => {
  it('has the reference tree head at every size', () => {
    const tree = createLogTree();
    expect(tree.root().toString('hex')).toBe(ROOTS[0]);
    for (const [n, leaf] of LEAVES.entries()) {
      tree.push(leafHash(leaf));
      expect(tree.size).toBe(n + 1);
      expect(tree.root().toString('hex')).toBe(ROOTS[n + 1]);
    }
  });

  it('agrees with the recursive definition for every size up to 70', () => {
    const leaves = Array.from({ length: 70 }, (_, i) => leafHash(`entry ${i}`));
    const tree = createLogTree();
    for (const [i, leaf] of leaves.entries()) {
      tree.push(leaf);
      expect(tree.root()).toEqual(mth(leaves.slice(0, i + 1)));
    }
  });
});
