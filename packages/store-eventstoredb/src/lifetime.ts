// When a store (or one of its feeds) closes, every call still waiting on the server gives up at
// once instead of at its deadline. Listeners are removed when their call settles, so a long-lived
// store does not collect one per call.

export class Lifetime {
  private readonly listeners = new Set<() => void>();
  private ended = false;

  get closed(): boolean {
    return this.ended;
  }

  /** Calls `listener` when the lifetime ends (at once if it has); returns how to stop listening. */
  onClose(listener: () => void): () => void {
    if (this.ended) {
      listener();
      return () => undefined;
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    if (this.ended) return;
    this.ended = true;
    for (const listener of [...this.listeners]) listener();
    this.listeners.clear();
  }
}
