// One delivery call: a job through onEvent, or a batch through onBatch, bounded by a timeout, with
// its HTTP exchange captured. Returns one classified result per job, in order.
import { RequestTimeoutError } from '@action-destinations/core'
import type { JSONObject, RefreshAccessTokenResult, SegmentEvent } from '@action-destinations/core'
import type { Capture } from './capture'
import { retryAfterOf, withCapture } from './capture'
import { classifyError, classifyNode, DOES_NOT_MATCH } from './classify'
import type { Classified, MultiStatusNodeLike } from './classify'
import type { InstanceRuntime, SubscriptionRuntime } from './instance-runtime'
import type { WorkItem } from './work-queue'

/** Like Classified, plus events the subscription's conditions no longer match (configuration changed). */
export type JobResult = Classified | { kind: 'not_matched' }

export interface SendResult {
  results: JobResult[]
  capture: Capture
  /** What the call threw, if it did. */
  error?: unknown
  /** The destination answered 429 for this call (or for an event of it). */
  rateLimited: boolean
  retryAfterMs?: number
  durationMs: number
}

export interface SendContext {
  requestTimeoutMs: number
  now: () => number
  onTokenRefresh: (tokens: RefreshAccessTokenResult) => Promise<void>
}

const NOT_MATCHED: JobResult = { kind: 'not_matched' }

function parseEvent(body: string): SegmentEvent {
  return JSON.parse(body) as SegmentEvent
}

/**
 * Rejects with a retryable 408 after `ms`, and aborts the call's requests where the destination
 * takes the signal. Core builds a request client per call when given a signal; for destinations
 * without `extendRequest` it otherwise shares one, so those get no signal (a fifth of the per-call
 * cost in profiles) and their requests stay bounded by the request client's own timeout (10 s).
 * Without a signal no AbortController is made either (its signal alone was 2-3% of one-by-one
 * delivery's CPU).
 */
async function withTimeout<T>(
  ms: number,
  runtime: InstanceRuntime,
  call: (signal: AbortSignal | undefined) => Promise<T>
): Promise<T> {
  const controller = runtime.definition?.extendRequest ? new AbortController() : undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller?.abort()
      reject(new RequestTimeoutError(`Delivery did not finish within ${ms} ms`))
    }, ms)
  })
  try {
    return await Promise.race([call(controller?.signal), timeout])
  } finally {
    clearTimeout(timer)
  }
}

function isNotSubscribed(results: unknown): boolean {
  return (
    Array.isArray(results) && results.length === 1 && (results[0] as { output?: unknown })?.output === 'not subscribed'
  )
}

function statusOf(result: JobResult): number | undefined {
  return result.kind === 'retry' || result.kind === 'failed' ? result.error.status : undefined
}

async function sendOne(
  runtime: InstanceRuntime,
  sub: SubscriptionRuntime,
  item: WorkItem,
  context: SendContext,
  capture: Capture
) {
  const destination = runtime.destination
  if (!destination) throw new Error(`destination "${runtime.config.destination}" is not in the registry`)
  const event = parseEvent(item.jobs[0].body)
  const results = await withTimeout(context.requestTimeoutMs, runtime, (signal) =>
    withCapture(capture, [event], () =>
      destination.onEvent(event, sub.settings, {
        onTokenRefresh: context.onTokenRefresh,
        signal
      })
    )
  )
  return [isNotSubscribed(results) ? NOT_MATCHED : ({ kind: 'delivered' } as JobResult)]
}

async function sendBatch(
  runtime: InstanceRuntime,
  sub: SubscriptionRuntime,
  item: WorkItem,
  context: SendContext,
  capture: Capture
) {
  const destination = runtime.destination
  if (!destination) throw new Error(`destination "${runtime.config.destination}" is not in the registry`)
  const events = item.jobs.map((job) => parseEvent(job.body))
  const results = await withTimeout(context.requestTimeoutMs, runtime, (signal) =>
    withCapture(capture, events, () =>
      destination.onBatch(events, sub.settings as JSONObject, {
        onTokenRefresh: context.onTokenRefresh,
        signal
      })
    )
  )
  const nodes = (results[0] as { multistatus?: MultiStatusNodeLike[] } | undefined)?.multistatus
  if (!Array.isArray(nodes)) {
    // Not subscribed or no multistatus: nothing was sent for these events.
    return item.jobs.map(() => (isNotSubscribed(results) ? NOT_MATCHED : ({ kind: 'delivered' } as JobResult)))
  }
  return item.jobs.map((_, i): JobResult => {
    const node = nodes[i]
    if (node && node.status === 400 && node.errormessage === DOES_NOT_MATCH) return NOT_MATCHED
    return classifyNode(node)
  })
}

export async function send(
  runtime: InstanceRuntime,
  sub: SubscriptionRuntime,
  item: WorkItem,
  context: SendContext
): Promise<SendResult> {
  const capture: Capture = {}
  const started = context.now()
  let results: JobResult[]
  let error: unknown
  try {
    results = await (item.batch ? sendBatch : sendOne)(runtime, sub, item, context, capture)
  } catch (thrown) {
    error = thrown
    const classified = classifyError(thrown)
    results = item.jobs.map(() => classified)
  }
  const finished = context.now()
  const rateLimited = results.some((result) => statusOf(result) === 429)
  const retryAfterMs = results.some((result) => result.kind === 'retry')
    ? retryAfterOf(capture, error, finished)
    : undefined
  return { results, capture, error, rateLimited, retryAfterMs, durationMs: finished - started }
}
