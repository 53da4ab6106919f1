/**
 * @module server/bus
 * Announces events created or changed through this server to the `/api/stream` listeners.
 */
export interface Change {
  kind: "created" | "changed";
  ids: number[];
  /** The review or ingest that caused it. */
  cause: "article" | "review" | "added";
  at: string;
}

export class ChangeBus {
  private readonly listeners = new Set<(change: Change) => void>();

  publish(change: Omit<Change, "at">): void {
    const full = { ...change, at: new Date().toISOString() };
    for (const l of this.listeners) l(full);
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: (change: Change) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }
}
