import type { Request } from 'express'
import { compileFql } from '@action-destinations/destination-subscriptions'
import { bodyOf, isRecord, optionalObject } from '../body'
import { toErrorAnswer } from '../error-response'
import { HttpError } from '../http-error'
import { unknownMappingKeys } from '../mapping-check'
import type { RouteContext } from '../route-context'
import type { BatchGroup } from './batch-groups'
import type { DeliveryCounts } from './delivery-counts'
import {
  batchSizeOf,
  checkedMapping,
  eventsOf,
  previewBatches,
  subscriptionOf,
  TESTER_API,
  type TesterContext
} from './tester-helpers'

/** One event's end in a delivery: sent and accepted, sent and refused, or stopped by its subscription. */
export interface EventResult {
  index: number
  outcome: 'delivered' | 'failed' | 'filtered'
  status?: number
  message?: string
}

function tooMany(route: string, calls: number, limit: number, asBatch: boolean): HttpError {
  const unit = asBatch ? 'batches' : 'events sent one by one'
  return new HttpError(
    413,
    `${route}: this delivery would make ${calls} calls to the action (${unit}); the limit is ${limit} per request. ` +
      (asBatch ? 'Raise "batchSize" or send fewer events.' : 'Send fewer events, or send them as a batch.'),
    { field: 'events', limit }
  )
}

function record(counts: DeliveryCounts, actionKey: string, results: EventResult[]): void {
  for (const result of results) {
    counts.record(
      actionKey,
      result.outcome === 'failed' ? { kind: 'failed', status: result.status ?? 0 } : { kind: result.outcome }
    )
  }
}

/** `POST /tester-api/deliver`: filters events through a subscription, then runs the action on the rest. */
export async function deliver(req: Request, context: RouteContext, tester: TesterContext): Promise<unknown> {
  const route = `POST ${TESTER_API}/deliver`
  const { destination, limits } = context
  const body = bodyOf(req.body, route)
  const subscription = subscriptionOf(body, destination, route)
  const events = eventsOf(body, route, limits.maxEvents)
  const settings = optionalObject(body, 'settings', route) ?? {}
  const asBatch = body.batch === true
  const actionKey = subscription.partnerAction
  const action = destination.actions[actionKey]
  checkedMapping(subscription.mapping, route, tester)
  const warnings = unknownMappingKeys(
    subscription.mapping,
    destination.definition.actions[actionKey]?.fields,
    actionKey
  )
  warnings.forEach((warning) => context.warn(warning))
  context.checkSettings(settings, route)
  if (asBatch && (typeof action.executeBatch !== 'function' || action.hasBatchSupport === false)) {
    throw new HttpError(400, `${route}: action "${actionKey}" does not support batches (no performBatch)`)
  }
  const matches = compileFql(subscription.subscribe)
  const results: EventResult[] = []
  const toSend: number[] = []
  events.forEach((event, index) => {
    if (!subscription.enabled) results.push({ index, outcome: 'filtered', message: 'the subscription is disabled' })
    else if (!matches(event)) results.push({ index, outcome: 'filtered', message: 'the event does not match' })
    else toSend.push(index)
  })
  const common = { mapping: subscription.mapping, settings, features: {} }
  let batches: BatchGroup[] | undefined
  if (asBatch && toSend.length > 0) {
    const size = body.batchSize === undefined ? undefined : batchSizeOf(body, route)
    batches = previewBatches(tester, subscription.mapping, events, toSend, size).batches
    if (batches.length > limits.maxCalls) throw tooMany(route, batches.length, limits.maxCalls, true)
    for (const batch of batches) {
      try {
        const nodes = (await action.executeBatch?.({ ...common, data: batch.indices.map((i) => events[i]) })) ?? []
        batch.indices.forEach((index, position) => {
          const node = Array.isArray(nodes) && isRecord(nodes[position]) ? nodes[position] : {}
          const status = typeof node.status === 'number' ? node.status : 200
          const message = typeof node.errormessage === 'string' ? node.errormessage : undefined
          results.push(
            status < 300 ? { index, outcome: 'delivered', status } : { index, outcome: 'failed', status, message }
          )
        })
      } catch (error) {
        const { status, body: answer } = toErrorAnswer(error)
        for (const index of batch.indices) {
          results.push({ index, outcome: 'failed', status, message: String(answer.error.message) })
        }
      }
    }
  } else {
    if (toSend.length > limits.maxCalls) throw tooMany(route, toSend.length, limits.maxCalls, false)
    for (const index of toSend) {
      try {
        await action.execute({ ...common, data: events[index] })
        results.push({ index, outcome: 'delivered' })
      } catch (error) {
        const { status, body: answer } = toErrorAnswer(error)
        results.push({ index, outcome: 'failed', status, message: String(answer.error.message) })
      }
    }
  }
  results.sort((a, b) => a.index - b.index)
  record(tester.counts, actionKey, results)
  return {
    results: results.map((result) =>
      result.message ? { ...result, message: context.redact(result.message) } : result
    ),
    batches: batches ?? null,
    exchanges: context.exchanges(),
    counts: tester.counts.snapshot(),
    warnings
  }
}
