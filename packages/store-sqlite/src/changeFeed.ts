// Wakes waiting subscriptions when the file changes: at once for commits made in this process
// (by any connection to the same file), and by polling `PRAGMA data_version` for other processes.

/** A parked subscription: woken when the file changes after `mark` was taken. */
export interface Waiter {
  readonly mark: number;
  readonly wake: () => void;
}

/** Every open feed of this process, by file, so an append wakes subscribers on every connection. */
const feedsByFile = new Map<string, Set<ChangeFeed>>();

/** Tells every feed on `file` in this process that a commit just landed. */
export function announceCommit(file: string): void {
  const feeds = feedsByFile.get(file);
  if (feeds === undefined) return;
  for (const feed of feeds) feed.wakeAll();
}

export class ChangeFeed {
  private readonly waiters = new Set<Waiter>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private closed = false;

  /**
   * @param file the key shared by connections to the same file, or undefined for a private one
   * @param dataVersion reads `PRAGMA data_version`, which moves when another connection commits
   */
  constructor(
    private readonly file: string | undefined,
    private readonly pollIntervalMs: number,
    private readonly dataVersion: () => number,
  ) {
    if (file === undefined) return;
    let feeds = feedsByFile.get(file);
    if (feeds === undefined) feedsByFile.set(file, (feeds = new Set()));
    feeds.add(this);
  }

  /** Take a mark before reading; pass it to `park` if the read came back empty. */
  mark(): number {
    return this.dataVersion();
  }

  /** Parks a waiter until the next change; the timer runs only while someone waits. */
  park(waiter: Waiter): void {
    if (this.closed) {
      waiter.wake();
      return;
    }
    this.waiters.add(waiter);
    // The poll timer keeps the process alive on purpose: a live subscription is work pending.
    this.timer ??= setInterval(() => this.poll(), this.pollIntervalMs);
  }

  unpark(waiter: Waiter): void {
    this.waiters.delete(waiter);
    this.stopIfIdle();
  }

  wakeAll(): void {
    const woken = [...this.waiters];
    this.waiters.clear();
    this.stopIfIdle();
    for (const waiter of woken) waiter.wake();
  }

  close(): void {
    this.closed = true;
    if (this.file !== undefined) {
      const feeds = feedsByFile.get(this.file);
      feeds?.delete(this);
      if (feeds?.size === 0) feedsByFile.delete(this.file);
    }
    this.wakeAll();
  }

  private poll(): void {
    let now: number;
    try {
      now = this.dataVersion();
    } catch {
      // Let the subscribers read again: their read raises the typed error to their consumer.
      this.wakeAll();
      return;
    }
    for (const waiter of [...this.waiters]) {
      if (waiter.mark !== now) {
        this.waiters.delete(waiter);
        waiter.wake();
      }
    }
    this.stopIfIdle();
  }

  private stopIfIdle(): void {
    if (this.waiters.size === 0 && this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }
}
