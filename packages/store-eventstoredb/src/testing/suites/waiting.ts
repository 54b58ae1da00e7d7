// Waiting for something the code under test reports, never for time.
import type { StoredEvent, Subscription } from '@gridledger/core';

/** A condition re-checked whenever `notify` is called. */
export function condition(): { notify(): void; until(check: () => boolean): Promise<void> } {
  let wake: (() => void) | undefined;
  return {
    notify: () => wake?.(),
    async until(check) {
      while (!check()) await new Promise<void>((resolve) => (wake = resolve));
    },
  };
}

/** The next `count` events of a subscription. */
export async function take(subscription: Subscription, count: number): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  if (count === 0) return events;
  for await (const event of subscription) {
    events.push(event);
    if (events.length === count) break;
  }
  return events;
}

/** Everything a read yields (an array of events), or the error it fails with. */
export async function settle(read: () => AsyncIterable<StoredEvent>): Promise<unknown> {
  try {
    const events: StoredEvent[] = [];
    for await (const event of read()) events.push(event);
    return events;
  } catch (error) {
    return error;
  }
}
