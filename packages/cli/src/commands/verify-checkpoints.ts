// What `gridledger verify --checkpoint` says: for each checkpoint, who signed it and whether the
// log still holds exactly what it covers, or the first place where it does not.
import type { CheckpointVerification } from '@gridledger/core/audit';
import { write, type CliIo } from '../io.js';
import { counted } from '../words.js';

export function reportCheckpoint(result: CheckpointVerification, io: CliIo): void {
  const { checkpoint, firstDifference, eventsSince } = result;
  write(
    io.stdout,
    `Checkpoint ${result.file}: signed by key ${checkpoint.keyId} as ${checkpoint.origin}, issued ${checkpoint.issuedAt}`,
  );
  if (firstDifference === undefined) {
    write(
      io.stdout,
      `✓ the ${counted(checkpoint.treeSize, 'event')} it covers are unchanged: nothing was removed, ` +
        `renumbered or inserted (root ${checkpoint.rootHash.slice(0, 16)}…)`,
    );
  } else {
    const where =
      firstDifference.index < checkpoint.treeSize
        ? `at event ${firstDifference.index} of the log`
        : 'after its end';
    write(io.stdout, `✗ the log differs from the checkpoint, first ${where}:`);
    write(io.stdout, `    ${firstDifference.kind.toUpperCase()}: ${firstDifference.message}`);
  }
  if (eventsSince > 0) {
    write(io.stdout, `    ${counted(eventsSince, 'event')} appended since (not covered by it)`);
  }
}
