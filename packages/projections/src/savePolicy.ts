// When a pass saves. An explicit batch size saves every that many events. By default the batch
// starts small and doubles while saving costs more than a twentieth of the folding time, since
// a save copies (or serialises) the whole state: a large read model then saves every few
// seconds instead of spending its rebuild copying itself.

export const DEFAULT_BATCH_SIZE = 1000;
const MAX_ADAPTIVE_BATCH = 1 << 20;
/** Saving may take at most this share of the time spent folding. */
const SAVE_SHARE = 1 / 20;

export class SavePolicy {
  private batch: number;
  private foldStarted = performance.now();

  /** `models`: how many read models each save writes (a pass shared by several saves them all). */
  constructor(
    private readonly fixed: number | undefined,
    models = 1,
  ) {
    this.batch = fixed ?? DEFAULT_BATCH_SIZE * models;
  }

  /** Whether `unsaved` events are enough for a save now. */
  due(unsaved: number): boolean {
    return unsaved >= this.batch;
  }

  /** Runs a save, growing the adaptive batch when saving costs too much of the time. */
  async save(save: () => Promise<void>): Promise<void> {
    const started = performance.now();
    await save();
    const finished = performance.now();
    if (this.fixed === undefined) {
      const folding = started - this.foldStarted;
      if (finished - started > folding * SAVE_SHARE && this.batch < MAX_ADAPTIVE_BATCH) {
        this.batch *= 2;
      }
    }
    this.foldStarted = finished;
  }
}
