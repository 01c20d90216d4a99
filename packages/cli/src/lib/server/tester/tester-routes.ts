import type { Request } from 'express'
import { compileFql } from '@action-destinations/destination-subscriptions'
import type { MappingTools, RuntimeDestination } from '../../core-runtime'
import { bodyOf, isRecord, optionalObject, type JsonRecord } from '../body'
import { toErrorAnswer } from '../error-response'
import { toExchange } from '../exchanges'
import { HttpError } from '../http-error'
import { groupBatches, type BatchGroup } from './batch-groups'
import { DeliveryCounts } from './delivery-counts'
import { mappingProblems, schemaProblemField, type FieldProblem } from './field-problems'
import { parseSubscriptions, SubscriptionStore, type SavedSubscription } from './saved-subscriptions'

/** Where the page's JSON API lives: a hyphen keeps it apart from any action key. */
export const TESTER_API = '/tester-api'

export interface TesterContext {
  store: SubscriptionStore
  counts: DeliveryCounts
  tools: () => MappingTools
  validateMapping?: (mapping: JsonRecord) => void
}

export interface TesterRoute {
  method: 'get' | 'put' | 'post' | 'delete'
  path: string
  handler: (req: Request, destination: RuntimeDestination) => Promise<unknown>
}

/** One event's end in a delivery: sent and accepted, sent and refused, or stopped by its subscription. */
export interface EventResult {
  index: number
  outcome: 'delivered' | 'failed' | 'filtered'
  status?: number
  message?: string
}

function actionKeys(destination: RuntimeDestination): string[] {
  return Object.keys(destination.definition.actions)
}

function actionFields(destination: RuntimeDestination, key: unknown, route: string) {
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

function eventsOf(body: JsonRecord, route: string): JsonRecord[] {
  const events = body.events
  if (!Array.isArray(events) || events.length === 0) {
    throw new HttpError(400, `${route}: "events" must be a non-empty array of event objects`, { field: 'events' })
  }
  events.forEach((event: unknown, index) => {
    if (!isRecord(event)) throw new HttpError(400, `${route}: events[${index}] must be an object`, { field: 'events' })
  })
  return events as JsonRecord[]
}

function batchSizeOf(body: JsonRecord, route: string, fallback: unknown): number {
  const size = body.batchSize ?? fallback ?? 100
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) {
    throw new HttpError(400, `${route}: "batchSize" must be a whole number of at least 1`, { field: 'batchSize' })
  }
  return size
}

function checkedMapping(mapping: JsonRecord, route: string, context: TesterContext): void {
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
function previewBatches(
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

function subscriptionOf(body: JsonRecord, destination: RuntimeDestination, route: string): SavedSubscription {
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

/** The routes behind the Actions Tester page; the server runs them one at a time like the others. */
export function testerRoutes(context: TesterContext): TesterRoute[] {
  const { store, counts } = context

  const listSubscriptions: TesterRoute['handler'] = async () => ({
    file: store.file ?? null,
    loadError: store.loadError ?? null,
    subscriptions: store.current()
  })

  const saveSubscriptions: TesterRoute['handler'] = async (req, destination) => {
    const route = `PUT ${TESTER_API}/subscriptions`
    const body = bodyOf(req.body, route)
    if (!('subscriptions' in body)) {
      throw new HttpError(400, `${route}: the body must be { "subscriptions": [...] }`, { field: 'subscriptions' })
    }
    store.save(parseSubscriptions(body.subscriptions, actionKeys(destination)))
    return listSubscriptions(req, destination)
  }

  const testMapping: TesterRoute['handler'] = async (req, destination) => {
    const route = `POST ${TESTER_API}/test-mapping`
    const body = bodyOf(req.body, route)
    const fields = actionFields(destination, body.action, route)
    const mapping = optionalObject(body, 'mapping', route) ?? {}
    const event = optionalObject(body, 'event', route) ?? {}
    if (context.validateMapping) {
      try {
        context.validateMapping(mapping)
      } catch (error) {
        return { payload: null, problems: mappingProblems(error), stage: 'mapping' }
      }
    }
    const payload = context.tools().transform(mapping, event)
    const problems: FieldProblem[] = context.tools().schemaProblems(payload, fields).map(schemaProblemField)
    return { payload, problems, stage: 'schema' }
  }

  const batchPreview: TesterRoute['handler'] = async (req, destination) => {
    const route = `POST ${TESTER_API}/batch-preview`
    const body = bodyOf(req.body, route)
    actionFields(destination, body.action, route)
    const mapping = optionalObject(body, 'mapping', route) ?? {}
    checkedMapping(mapping, route, context)
    const events = eventsOf(body, route)
    const size = body.batchSize === undefined ? undefined : batchSizeOf(body, route, undefined)
    return previewBatches(
      context,
      mapping,
      events,
      events.map((_event, index) => index),
      size
    )
  }

  const deliver: TesterRoute['handler'] = async (req, destination) => {
    const route = `POST ${TESTER_API}/deliver`
    const body = bodyOf(req.body, route)
    const subscription = subscriptionOf(body, destination, route)
    const events = eventsOf(body, route)
    const settings = optionalObject(body, 'settings', route) ?? {}
    const asBatch = body.batch === true
    const actionKey = subscription.partnerAction
    const action = destination.actions[actionKey]
    checkedMapping(subscription.mapping, route, context)
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
      const size = body.batchSize === undefined ? undefined : batchSizeOf(body, route, undefined)
      batches = previewBatches(context, subscription.mapping, events, toSend, size).batches
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
    for (const result of results) {
      counts.record(
        actionKey,
        result.outcome === 'failed' ? { kind: 'failed', status: result.status ?? 0 } : { kind: result.outcome }
      )
    }
    return {
      results,
      batches: batches ?? null,
      exchanges: (destination.responses ?? []).map(toExchange),
      counts: counts.snapshot()
    }
  }

  return [
    { method: 'get', path: `${TESTER_API}/subscriptions`, handler: listSubscriptions },
    { method: 'put', path: `${TESTER_API}/subscriptions`, handler: saveSubscriptions },
    { method: 'post', path: `${TESTER_API}/test-mapping`, handler: testMapping },
    { method: 'post', path: `${TESTER_API}/batch-preview`, handler: batchPreview },
    { method: 'post', path: `${TESTER_API}/deliver`, handler: deliver },
    { method: 'get', path: `${TESTER_API}/counts`, handler: async () => counts.snapshot() },
    {
      method: 'delete',
      path: `${TESTER_API}/counts`,
      handler: async () => {
        counts.reset()
        return counts.snapshot()
      }
    }
  ]
}
