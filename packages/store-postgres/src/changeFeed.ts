// Wakes waiting subscriptions when the log grows: at once through LISTEN on the schema's channel
// (every append NOTIFYs it when it commits, from any process), and by polling as the safety net,
// for the moments the listening connection is down or reconnecting.
import type pg from 'pg';
import { channelOf } from './schema.js';

/** A parked subscription: woken by the first change after `mark` was taken. */
export interface Waiter {
  readonly mark: number;
  readonly wake: () => void;
}

/** Longest wait between two attempts to bring a lost listening connection back. */
const MAX_RETRY_MS = 5000;

export class ChangeFeed {
  /** Moves on every notification, and whenever notifications may have been missed. */
  private generation = 0;
  private readonly waiters = new Set<Waiter>();
  private attached = 0;
  private listener: pg.Client | undefined;
  private retryAt = 0;
  private retryMs = 100;
  private timer: ReturnType<typeof setInterval> | undefined;
  private closed = false;

  constructor(
    private readonly schema: string,
    private readonly pollIntervalMs: number,
    private readonly newClient: () => pg.Client,
  ) {}

  /** A subscription starts using the feed: the listening connection opens with the first. */
  attach(): void {
    this.attached++;
    this.listen();
  }

  /** A subscription ended: the listening connection closes with the last. */
  detach(): void {
    this.attached--;
    if (this.attached === 0) void this.stopListening();
  }

  /** Take a mark before reading the log; pass it to `park` if the read found nothing new. */
  mark(): number {
    this.listen();
    return this.generation;
  }

  /** Parks a waiter until the next change; at once if one came since its mark. */
  park(waiter: Waiter): void {
    if (this.closed || waiter.mark !== this.generation) {
      waiter.wake();
      return;
    }
    this.waiters.add(waiter);
    // The poll timer keeps the process alive on purpose: a live subscription is work pending.
    this.timer ??= setInterval(() => this.changed(), this.pollIntervalMs);
  }

  unpark(waiter: Waiter): void {
    this.waiters.delete(waiter);
    this.stopTimerIfIdle();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.changed();
    await this.stopListening();
  }

  /** Something may have changed: every waiter reads again. */
  private changed(): void {
    this.generation++;
    const woken = [...this.waiters];
    this.waiters.clear();
    this.stopTimerIfIdle();
    for (const waiter of woken) waiter.wake();
  }

  private listen(): void {
    if (this.closed || this.attached === 0 || this.listener !== undefined) return;
    if (Date.now() < this.retryAt) return;
    const client = this.newClient();
    this.listener = client;
    const lost = (): void => {
      if (this.listener !== client) return;
      this.listener = undefined;
      this.retryAt = Date.now() + this.retryMs;
      this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
      void client.end().catch(() => undefined);
      // Notifications sent while it was down are lost: everyone reads again, then polls.
      this.changed();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', () => this.changed());
    client
      .connect()
      .then(() => client.query(`LISTEN ${channelOf(this.schema)}`))
      .then(() => {
        if (this.listener !== client) return;
        this.retryMs = 100;
        // A commit between a subscriber's last read and LISTEN sent no notification to us.
        this.changed();
      })
      .catch(lost);
  }

  private async stopListening(): Promise<void> {
    const client = this.listener;
    this.listener = undefined;
    await client?.end().catch(() => undefined);
  }

  private stopTimerIfIdle(): void {
    if (this.waiters.size === 0 && this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }
}
