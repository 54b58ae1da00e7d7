// What the runner reads from: an EventStore, or a ledger that hands back decoded events through
// the same calls. Only the reading half of the store port is needed.
import type { EventStore } from '@gridledger/core';

export type EventSource = Pick<EventStore, 'name' | 'readAll' | 'subscribe' | 'countEvents'>;
