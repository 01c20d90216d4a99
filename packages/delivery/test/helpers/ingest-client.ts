// Sends events to an engine's Segment ingest the way a server library does (POST /v1/batch,
// write key as the Basic-auth user name) and says which requests were acknowledged.
export interface TrackEvent {
  type: 'track'
  event: string
  userId: string
  messageId: string
  properties?: Record<string, unknown>
}

export function trackEvents(prefix: string, count: number): TrackEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    type: 'track',
    event: 'Order Completed',
    userId: `user-${i % 50}`,
    messageId: `${prefix}-${i}`,
    properties: { orderId: `${prefix}-order-${i}`, revenue: i }
  }))
}

/** Posts one batch; true when the engine answered 200 (the events are durably stored). */
export async function postBatch(url: string, writeKey: string, batch: TrackEvent[]): Promise<boolean> {
  try {
    const response = await fetch(`${url}/v1/batch`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`
      },
      body: JSON.stringify({ batch }),
      signal: AbortSignal.timeout(15_000)
    })
    await response.arrayBuffer()
    return response.status === 200
  } catch {
    return false
  }
}

/**
 * Posts `events` in batches of `size`, one request at a time, and appends the messageIds of each
 * acknowledged batch to `acknowledged` as soon as it is acknowledged (so a caller can watch it).
 */
export async function sendAll(
  url: string,
  writeKey: string,
  events: TrackEvent[],
  size = 100,
  acknowledged: string[] = []
): Promise<string[]> {
  for (let start = 0; start < events.length; start += size) {
    const batch = events.slice(start, start + size)
    if (await postBatch(url, writeKey, batch)) acknowledged.push(...batch.map((event) => event.messageId))
  }
  return acknowledged
}

/** Polls `check` every 50 ms until it is true; throws naming `what` (and `detail()`) after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  detail?: () => string
): Promise<void> {
  const started = Date.now()
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail ? `: ${detail()}` : ''}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
