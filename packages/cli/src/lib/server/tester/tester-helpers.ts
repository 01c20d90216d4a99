import type { MappingTools, RuntimeDestination } from '../../core-runtime'
import { isRecord, optionalObject, type JsonRecord } from '../body'
import { HttpError } from '../http-error'
import type { ServerStatus } from '../server-status'
import { groupBatches, type BatchGroup } from './batch-groups'
import type { DeliveryCounts } from './delivery-counts'
import { mappingProblems } from './field-problems'
import { parseSubscriptions, type SavedSubscription, type SubscriptionStore } from './saved-subscriptions'

/** Where the page's JSON API lives: a hyphen keeps it apart from any action key. */
export const TESTER_API = '/tester-api'

export interface TesterContext {
  store: SubscriptionStore
  counts: DeliveryCounts
  tools: () => MappingTools
  validateMapping?: (mapping: JsonRecord) => void
  status?: ServerStatus
  /** Paths in answers are relative to this folder. */
  projectRoot: string
}

export function actionKeys(destination: RuntimeDestination): string[] {
  return Object.keys(destination.definition.actions)
}

export function actionFields(destination: RuntimeDestination, key: unknown, route: string) {
  if (typeof key !== 'string') throw new HttpError(400, `${route}: "action" must be an action key`, { field: 'action' })
  const definition = Object.prototype.hasOwnProperty.call(destination.definition.actions, key)
    ? destination.definition.actions[key]
    : undefined
  if (!definition) {
    throw new HttpError(404, `${route}: unknown action "${key}" (actions: ${actionKeys(destination).join(', ')})`, {
      field: 'action'
    })
  }
  return definition.fields ?? {}
}

export function eventsOf(body: JsonRecord, route: string, maxEvents: number): JsonRecord[] {
  const events = body.events
  if (!Array.isArray(events) || events.length === 0) {
    throw new HttpError(400, `${route}: "events" must be a non-empty array of event objects`, { field: 'events' })
  }
  if (events.length > maxEvents) {
    throw new HttpError(
      413,
      `${route}: "events" may hold at most ${maxEvents} events per request (got ${events.length}); send fewer`,
      { field: 'events', limit: maxEvents }
    )
  }
  events.forEach((event: unknown, index) => {
    if (!isRecord(event)) throw new HttpError(400, `${route}: events[${index}] must be an object`, { field: 'events' })
  })
  return events as JsonRecord[]
}

export function batchSizeOf(body: JsonRecord, route: string): number {
  const size = body.batchSize ?? 100
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) {
    throw new HttpError(400, `${route}: "batchSize" must be a whole number of at least 1`, { field: 'batchSize' })
  }
  return size
}

export function checkedMapping(mapping: JsonRecord, route: string, context: TesterContext): void {
  if (!context.validateMapping) return
  try {
    context.validateMapping(mapping)
  } catch (error) {
    const problems = mappingProblems(error)
    throw new HttpError(400, `${route}: the mapping is invalid: ${problems.map((p) => p.message).join(' ')}`, {
      field: 'mapping',
      problems
    })
  }
}

// Resolves each event and groups them the way the runtime batches: by the resolved batch_keys.
export function previewBatches(
  context: TesterContext,
  mapping: JsonRecord,
  events: JsonRecord[],
  indices: number[],
  size: number | undefined
): { batches: BatchGroup[]; batchKeys: string[]; batchSize: number } {
  const tools = context.tools()
  const payloads = indices.map((index) => ({ index, payload: tools.transform(mapping, events[index]) }))
  const first = payloads[0]?.payload ?? {}
  const keys = Array.isArray(first.batch_keys) ? first.batch_keys.filter((k): k is string => typeof k === 'string') : []
  const fromMapping = typeof first.batch_size === 'number' && first.batch_size >= 1 ? first.batch_size : 100
  const batchSize = size ?? fromMapping
  return { batches: groupBatches(payloads, keys, batchSize), batchKeys: keys, batchSize }
}

export function subscriptionOf(body: JsonRecord, destination: RuntimeDestination, route: string): SavedSubscription {
  const given = optionalObject(body, 'subscription', route)
  if (!given) throw new HttpError(400, `${route}: "subscription" is required`, { field: 'subscription' })
  try {
    return parseSubscriptions([given], actionKeys(destination))[0]
  } catch (error) {
    if (error instanceof HttpError) {
      throw new HttpError(400, `${route}: ${error.message.replace('subscriptions[0]', 'subscription')}`, {
        field: 'subscription'
      })
    }
    throw error
  }
}
