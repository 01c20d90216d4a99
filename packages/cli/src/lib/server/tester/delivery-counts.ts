/** How the events sent to one action ended, for this server session. */
export interface ActionCounts {
  delivered: number
  /** Failed events by HTTP status (or 0 when there was no status). */
  failed: Record<string, number>
  /** Events no enabled subscription let through: the FQL did not match, or it was disabled. */
  filtered: number
}

export type DeliveryOutcome = { kind: 'delivered' } | { kind: 'failed'; status: number } | { kind: 'filtered' }

export class DeliveryCounts {
  private readonly byAction = new Map<string, ActionCounts>()

  record(action: string, outcome: DeliveryOutcome): void {
    let counts = this.byAction.get(action)
    if (!counts) {
      counts = { delivered: 0, failed: {}, filtered: 0 }
      this.byAction.set(action, counts)
    }
    if (outcome.kind === 'delivered') counts.delivered++
    else if (outcome.kind === 'filtered') counts.filtered++
    else counts.failed[String(outcome.status)] = (counts.failed[String(outcome.status)] ?? 0) + 1
  }

  snapshot(): Record<string, ActionCounts> {
    return JSON.parse(JSON.stringify(Object.fromEntries(this.byAction))) as Record<string, ActionCounts>
  }

  reset(): void {
    this.byAction.clear()
  }
}
