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

/**
 * Builds, in one pass over the log, the read models among `projections` that were never built
 * (or by another version), so a report over several reads the history once, not once per read
 * model; false when Ctrl-C stopped it. One that needs building alone is left to bringUpToDate.
 */
export async function buildMissingTogether(
  runner: ProjectionRunner,
  projections: readonly AnyProjection[],
  io: CliIo,
): Promise<boolean> {
  const missing: AnyProjection[] = [];
  for (const projection of projections) {
    if (!(await runner.status(projection)).current) missing.push(projection);
  }
  if (missing.length < 2) return true;
  const names = missing.map((projection) => `'${projection.name}'`).join(', ');
  write(io.stderr, `Building ${missing.length} read models first, in one pass: ${names}.`);
  const display = progressDisplay(io.stderr);
  const label = `${missing.length} read models, one pass`;
  let results;
  try {
    results = await runner.rebuildAll(missing, {
      onProgress: (progress) => display.show(label, progress),
      ...(io.signal === undefined ? {} : { signal: io.signal }),
    });
  } finally {
    display.end();
  }
  if (results.some((result) => result.outcome === 'cancelled')) {
    write(
      io.stderr,
      `Interrupted while building ${names}; what was built is saved. Run the report again to carry on.`,
    );
    return false;
  }
  for (const [i, result] of results.entries()) {
    write(io.stderr, `Built '${missing[i]!.name}' from ${counted(result.eventsInModel, 'event')}.`);
  }
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
