// Failures a test can make the double produce, the way a cluster produces them: a node that is
// not ready, a node that is not the leader, an answer that never comes before the deadline, a
// user the server's access control refuses.

export type FaultKind = 'unavailable' | 'deadline-exceeded' | 'not-leader' | 'access-denied';

/** `append` covers both Append and BatchAppend; `read` is a read of a stream or of $all. */
export type FaultOperation = 'append' | 'read' | 'subscribe' | 'delete' | 'tombstone';

export interface FaultPlan {
  readonly operation: FaultOperation;
  readonly kind: FaultKind;
  /** How many matching calls fail; default 1. */
  readonly times?: number;
  /**
   * Appends only: the events are written and then the answer is lost, as when a deadline passes
   * after the leader committed. Default false: nothing is written.
   */
  readonly afterWrite?: boolean;
  /** Only calls about this stream; reads and subscriptions of $all never match it. */
  readonly stream?: string;
}

export class Faults {
  private plans: { plan: FaultPlan; remaining: number }[] = [];

  inject(plan: FaultPlan): void {
    this.plans.push({ plan, remaining: plan.times ?? 1 });
  }

  clear(): void {
    this.plans = [];
  }

  /** The fault this call must suffer, if any; each call uses one of the plan's occurrences. */
  take(operation: FaultOperation, stream: string | undefined): FaultPlan | undefined {
    const entry = this.plans.find(
      ({ plan, remaining }) =>
        remaining > 0 &&
        plan.operation === operation &&
        (plan.stream === undefined || plan.stream === stream),
    );
    if (entry === undefined) return undefined;
    entry.remaining--;
    this.plans = this.plans.filter((p) => p.remaining > 0);
    return entry.plan;
  }
}
