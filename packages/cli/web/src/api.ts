import type {
  BatchPreviewAnswer,
  Counts,
  DeliverAnswer,
  Exchange,
  Manifest,
  SavedSubscription,
  SubscriptionsAnswer,
  TestMappingAnswer
} from './types'

/** A failed call: the server's message, plus any requests the destination made on the way. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly requests: Exchange[] = []
  ) {
    super(message)
  }
}

/** One JSON call; a non-2xx answer throws an ApiError with the server's message. */
export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  const text = await res.text()
  let json: unknown = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    throw new ApiError(`${method} ${path} answered ${res.status} with non-JSON: ${text.slice(0, 200)}`, res.status)
  }
  if (!res.ok) {
    const answer = (json ?? {}) as { error?: { message?: string }; requests?: Exchange[] }
    throw new ApiError(
      answer.error?.message ?? `${method} ${path} failed with ${res.status}`,
      res.status,
      answer.requests
    )
  }
  return json as T
}

export const api = {
  manifest: () => call<Manifest>('GET', '/manifest'),
  authenticate: (settings: Record<string, unknown>) =>
    call<{ ok: boolean; requests: Exchange[] }>('POST', '/authenticate', { settings }),
  subscriptions: () => call<SubscriptionsAnswer>('GET', '/tester-api/subscriptions'),
  saveSubscriptions: (subscriptions: SavedSubscription[]) =>
    call<SubscriptionsAnswer>('PUT', '/tester-api/subscriptions', { subscriptions }),
  testMapping: (action: string, mapping: Record<string, unknown>, event: Record<string, unknown>) =>
    call<TestMappingAnswer>('POST', '/tester-api/test-mapping', { action, mapping, event }),
  batchPreview: (action: string, mapping: Record<string, unknown>, events: unknown[], batchSize: number) =>
    call<BatchPreviewAnswer>('POST', '/tester-api/batch-preview', { action, mapping, events, batchSize }),
  deliver: (body: {
    subscription: SavedSubscription
    events: unknown[]
    settings: Record<string, unknown>
    batch: boolean
    batchSize?: number
  }) => call<DeliverAnswer>('POST', '/tester-api/deliver', body),
  counts: () => call<Counts>('GET', '/tester-api/counts'),
  resetCounts: () => call<Counts>('DELETE', '/tester-api/counts')
}
