// The working copy of one read model while the runner folds events into it, and the one place
// where it is saved: state and checkpoint go to the read-model store together, in one write.
import type {
  EventRegistry,
  Position,
  ReadModelRecord,
  ReadModelStore,
  ReadTrust,
  RecordedEvent,
  StoredEvent,
} from '@gridledger/core';
import { ProjectionHandlerError } from './handlerError.js';
import type { AnyProjection } from './projection.js';

type Handler<S> = (state: S, event: RecordedEvent) => S;

export interface FoldContext {
  readonly readModels: ReadModelStore;
  readonly registry: EventRegistry | undefined;
  readonly readTrust: ReadTrust;
  readonly now: () => string;
}

export class WorkingModel<S> {
  state: S;
  checkpoint: Position | undefined;
  eventsApplied: number;
  /** Events applied since the last save. */
  unsaved = 0;
  /** Whether a record exists under `key` (loaded from one, or saved once). */
  persisted: boolean;
  private readonly handlers: Map<string, Handler<S>>;

  constructor(
    private readonly context: FoldContext,
    readonly projection: AnyProjection<S>,
    readonly key: string,
    from: ReadModelRecord<S> | undefined,
  ) {
    this.state = from === undefined ? projection.initialState() : from.state;
    this.checkpoint = from?.checkpoint;
    this.eventsApplied = from?.eventsApplied ?? 0;
    this.persisted = from !== undefined;
    // A Map, not the handlers object: an event type like `constructor` must not find a method.
    this.handlers = new Map(
      Object.entries(projection.handlers).map(([type, h]) => [type, h as unknown as Handler<S>]),
    );
  }

  /** Decodes (when a registry is given) and folds one event, and moves the checkpoint past it. */
  apply(stored: StoredEvent): void {
    this.fold(stored);
    this.moveTo(stored.position, 1);
  }

  /**
   * Folds one event when the model has a handler for its type, leaving the checkpoint where it
   * is: a pass folding many events moves it once, with `moveTo`, before it saves.
   */
  fold(stored: StoredEvent): void {
    const handler = this.handlers.get(stored.type);
    // A source that ignores the type filter may hand over other events: they are passed over,
    // and the checkpoint moves past them so they are not read again.
    if (handler === undefined) return;
    const event =
      this.context.registry === undefined
        ? (stored as RecordedEvent)
        : this.context.registry.decode(stored, this.context.readTrust);
    try {
      this.state = handler(this.state, event);
    } catch (error) {
      throw new ProjectionHandlerError(this.projection.name, stored, error);
    }
    this.eventsApplied++;
  }

  /** Whether the model folds events of `type`. */
  handles(type: string): boolean {
    return this.handlers.has(type);
  }

  /** The checkpoint after `read` more events (folded or passed over), the last at `position`. */
  moveTo(position: Position, read: number): void {
    this.checkpoint = position;
    this.unsaved += read;
  }

  /** Saves state and checkpoint in one write. */
  async save(): Promise<void> {
    await this.context.readModels.save<S>(this.key, {
      state: this.state,
      checkpoint: this.checkpoint,
      projectionVersion: this.projection.version,
      eventsApplied: this.eventsApplied,
      updatedAt: this.context.now(),
    });
    this.unsaved = 0;
    this.persisted = true;
  }

  async saveIfChanged(): Promise<void> {
    if (this.unsaved > 0) await this.save();
  }
}
