// The delivery side as the engine composes it.
export interface DeliveryWorker {
  /** Starts claiming and delivering jobs. */
  start(): void
  /**
   * Stops claiming, flushes partial batches, waits for requests in flight (bounded by `deadlineMs`),
   * releases what it still holds and resolves.
   */
  stop(deadlineMs?: number): Promise<void>
}
