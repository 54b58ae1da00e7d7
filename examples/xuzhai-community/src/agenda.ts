// The simulated clock and the agenda of what happens when. Tasks run in time order (ties in the
// order they were added), and each task sees the clock at its own time.

export type Task = () => Promise<void>;

/** The demo's notion of now, in ms since the epoch; the ledger's clock reads it. */
export class SimClock {
  #now: number;
  constructor(start: number) {
    this.#now = start;
  }
  now(): number {
    return this.#now;
  }
  /** Moves forward to `ms`; never backward, so recorded times only increase. */
  moveTo(ms: number): void {
    if (ms > this.#now) this.#now = ms;
  }
}

interface Entry {
  readonly at: number;
  readonly seq: number;
  readonly task: Task;
}

/** A min-heap of tasks keyed by (time, order added). */
export class Agenda {
  readonly #heap: Entry[] = [];
  #seq = 0;
  readonly #clock: SimClock;

  constructor(clock: SimClock) {
    this.#clock = clock;
  }

  get pending(): number {
    return this.#heap.length;
  }

  /** Adds a task at `at`, or at the current time if `at` has already passed. */
  at(at: number, task: Task): void {
    const entry = { at: Math.max(at, this.#clock.now()), seq: this.#seq++, task };
    const heap = this.#heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(entry, heap[parent] as Entry)) break;
      heap[i] = heap[parent] as Entry;
      i = parent;
    }
    heap[i] = entry;
  }

  /**
   * Starts a process at `start`: an async body that sleeps until later times with `until(ms)`.
   * Each stretch of it runs as one task, with the clock at that stretch's time, and the agenda
   * waits for the stretch to finish before it moves on, so processes never overlap.
   */
  process(start: number, body: (until: (ms: number) => Promise<void>) => Promise<void>): void {
    let done: (() => void) | undefined;
    let failed: ((error: unknown) => void) | undefined;
    const stretch = (resume: () => void) => () =>
      new Promise<void>((resolve, reject) => {
        done = resolve;
        failed = reject;
        resume();
      });
    const until = (ms: number) =>
      new Promise<void>((resume) => {
        const finished = done;
        this.at(ms, stretch(resume));
        finished?.();
      });
    this.at(
      start,
      stretch(() => {
        body(until).then(
          () => done?.(),
          (error: unknown) => failed?.(error),
        );
      }),
    );
  }

  /**
   * Runs tasks in order until the next one falls at or after `end`; those stay pending, like
   * work planned for September. `afterEach` runs after every task (the app's reactions).
   */
  async runUntil(end: number, afterEach: () => Promise<void>): Promise<void> {
    for (let next = this.#heap[0]; next !== undefined && next.at < end; next = this.#heap[0]) {
      this.#pop();
      this.#clock.moveTo(next.at);
      await next.task();
      await afterEach();
    }
  }

  #pop(): void {
    const heap = this.#heap;
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = last;
      let at = -1;
      if (left < heap.length && before(heap[left] as Entry, smallest)) {
        smallest = heap[left] as Entry;
        at = left;
      }
      if (right < heap.length && before(heap[right] as Entry, smallest)) {
        smallest = heap[right] as Entry;
        at = right;
      }
      if (at === -1) break;
      heap[i] = smallest;
      i = at;
    }
    heap[i] = last;
  }
}

const before = (a: Entry, b: Entry): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq);
