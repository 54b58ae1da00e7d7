// The error a runner throws when a projection's handler fails: it names the projection and the
// event (type, stream, version, position), so an operator knows where to look, and keeps what
// the handler threw as `cause`. Nothing of the batch the handler failed in is saved.
import type { Position, StoredEvent } from '@gridledger/core';

const BRAND = Symbol.for('gridledger.projection-handler-error');

export class ProjectionHandlerError extends Error {
  readonly code = 'PROJECTION_HANDLER_FAILED' as const;
  readonly [BRAND] = true;
  readonly projection: string;
  readonly eventType: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly position: Position;

  constructor(projection: string, event: StoredEvent, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `Projection '${projection}' failed on ${event.type} (event ${event.streamVersion} of stream '${event.streamId}', position ${event.position}): ${reason}`,
      { cause },
    );
    this.name = 'ProjectionHandlerError';
    this.projection = projection;
    this.eventType = event.type;
    this.streamId = event.streamId;
    this.streamVersion = event.streamVersion;
    this.position = event.position;
  }
}

/** True for a ProjectionHandlerError from any copy of this package. */
export const isProjectionHandlerError = (error: unknown): error is ProjectionHandlerError =>
  typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
