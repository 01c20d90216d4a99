import type { Request } from 'express'
import type { RuntimeDestination } from '../../core-runtime'
import { bodyOf, optionalObject, type JsonRecord } from '../body'
import { relativeTo } from '../error-origin'
import { HttpError } from '../http-error'
import { unknownMappingKeys } from '../mapping-check'
import type { RouteContext } from '../route-context'
import type { ServerStatusSnapshot } from '../server-status'
import { deliver } from './deliver'
import { mappingProblems, schemaProblemField, type FieldProblem } from './field-problems'
import { parseSubscriptions, type MappingCheck, type SavedSubscription } from './saved-subscriptions'
import {
  actionFields,
  actionKeys,
  batchSizeOf,
  checkedMapping,
  eventsOf,
  previewBatches,
  TESTER_API,
  type TesterContext
} from './tester-helpers'

export { TESTER_API, type TesterContext } from './tester-helpers'
export type { EventResult } from './deliver'

export interface TesterRoute {
  method: 'get' | 'put' | 'post' | 'delete'
  path: string
  handler: (req: Request, context: RouteContext) => Promise<unknown>
}

// Warnings for saved subscriptions: mapping keys that are not fields of their action.
function subscriptionWarnings(list: SavedSubscription[], destination: RuntimeDestination): string[] {
  return list.flatMap((subscription, index) =>
    unknownMappingKeys(
      subscription.mapping,
      destination.definition.actions[subscription.partnerAction]?.fields,
      subscription.partnerAction
    ).map((warning) => `subscriptions[${index}]: ${warning}`)
  )
}

/** The routes behind the Actions Tester page. */
export function testerRoutes(context: TesterContext): TesterRoute[] {
  const { store, counts } = context
  const checkMapping: MappingCheck | undefined = context.validateMapping

  const listSubscriptions = (destination: RuntimeDestination) => {
    const subscriptions = store.current()
    return {
      file: store.file ? relativeTo(context.projectRoot, store.file) : null,
      loadError: store.loadError ?? null,
      subscriptions,
      warnings: subscriptionWarnings(subscriptions, destination)
    }
  }

  const saveSubscriptions: TesterRoute['handler'] = async (req, { destination, warn }) => {
    const route = `PUT ${TESTER_API}/subscriptions`
    const body = bodyOf(req.body, route)
    if (!('subscriptions' in body)) {
      throw new HttpError(400, `${route}: the body must be { "subscriptions": [...] }`, { field: 'subscriptions' })
    }
    store.save(parseSubscriptions(body.subscriptions, actionKeys(destination), checkMapping))
    const answer = listSubscriptions(destination)
    answer.warnings.forEach(warn)
    return answer
  }

  const testMapping: TesterRoute['handler'] = async (req, { destination }) => {
    const route = `POST ${TESTER_API}/test-mapping`
    const body = bodyOf(req.body, route)
    const fields = actionFields(destination, body.action, route)
    const mapping = optionalObject(body, 'mapping', route) ?? {}
    const event = optionalObject(body, 'event', route) ?? {}
    const warnings = unknownMappingKeys(mapping, fields, String(body.action))
    if (checkMapping) {
      try {
        checkMapping(mapping)
      } catch (error) {
        return { payload: null, problems: mappingProblems(error), stage: 'mapping', warnings }
      }
    }
    const payload = context.tools().transform(mapping, event)
    const problems: FieldProblem[] = context.tools().schemaProblems(payload, fields).map(schemaProblemField)
    return { payload, problems, stage: 'schema', warnings }
  }

  const batchPreview: TesterRoute['handler'] = async (req, { destination, limits }) => {
    const route = `POST ${TESTER_API}/batch-preview`
    const body = bodyOf(req.body, route)
    actionFields(destination, body.action, route)
    const mapping: JsonRecord = optionalObject(body, 'mapping', route) ?? {}
    checkedMapping(mapping, route, context)
    const events = eventsOf(body, route, limits.maxEvents)
    const size = body.batchSize === undefined ? undefined : batchSizeOf(body, route)
    return previewBatches(
      context,
      mapping,
      events,
      events.map((_event, index) => index),
      size
    )
  }

  const status = async (_req: Request, { destination }: RouteContext): Promise<ServerStatusSnapshot> =>
    context.status?.snapshot() ?? {
      destination: destination.definition.name,
      reload: { state: 'ok', at: new Date().toISOString(), reloads: 0, error: null },
      typeCheck: { state: 'off', at: null, errors: [] }
    }

  return [
    {
      method: 'get',
      path: `${TESTER_API}/subscriptions`,
      handler: async (_req, c) => listSubscriptions(c.destination)
    },
    { method: 'put', path: `${TESTER_API}/subscriptions`, handler: saveSubscriptions },
    { method: 'post', path: `${TESTER_API}/test-mapping`, handler: testMapping },
    { method: 'post', path: `${TESTER_API}/batch-preview`, handler: batchPreview },
    { method: 'post', path: `${TESTER_API}/deliver`, handler: (req, c) => deliver(req, c, context) },
    { method: 'get', path: `${TESTER_API}/status`, handler: status },
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
