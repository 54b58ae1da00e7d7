// Before a report reads a read model: build it when it was never built (or by another version),
// otherwise fold what was recorded since, saying on stderr what was done.
import type { AnyProjection, ProjectionRunner } from '@gridledger/projections';
import { write, type CliIo } from '../io.js';
import { progressDisplay } from '../progress/display.js';
import { counted } from '../words.js';

/** Builds or catches up one read model; false when Ctrl-C stopped it. */
export async function bringUpToDate(
  runner: ProjectionRunner,
  projection: AnyProjection,
  io: CliIo,
): Promise<boolean> {
  const status = await runner.status(projection);
  const signal = io.signal === undefined ? {} : { signal: io.signal };
  if (status.current) {
    const result = await runner.catchUp(projection, signal);
    if (result.outcome === 'cancelled') return cancelled(io, projection);
    if (result.eventsApplied > 0) {
      const added = counted(result.eventsApplied, 'event');
      write(io.stderr, `Brought read model '${projection.name}' up to date (+${added}).`);
    }
    return true;
  }
  const why =
    status.live === undefined
      ? 'it has not been built yet'
      : `it was built by version ${status.live.projectionVersion}, this is version ${projection.version}`;
  write(io.stderr, `Building read model '${projection.name}' first: ${why}.`);
  // Progress goes to stderr: stdout is the report, perhaps piped into a file.
  const display = progressDisplay(io.stderr);
  let result;
  try {
    result = await runner.catchUp(projection, {
      ...signal,
      onProgress: (progress) => display.show(projection.name, progress),
    });
  } finally {
    display.end();
  }
  if (result.outcome === 'cancelled') return cancelled(io, projection);
  write(io.stderr, `Built '${projection.name}' from ${counted(result.eventsInModel, 'event')}.`);
  return true;
}

function cancelled(io: CliIo, projection: AnyProjection): false {
  write(
    io.stderr,
    `Interrupted while building '${projection.name}'; what was built is saved. ` +
      'Run the report again to carry on.',
  );
  return false;
}
