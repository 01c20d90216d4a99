import type { Request } from 'express'
import type { RuntimeAction, RuntimeDestination } from '../core-runtime'
import { bodyOf, isRecord, optionalObject, optionalString, type JsonRecord } from './body'
import { HttpError } from './http-error'
import type { RouteContext } from './route-context'

export type Handler = (req: Request, context: RouteContext) => Promise<unknown>

export function actionOf(destination: RuntimeDestination, key: string): RuntimeAction {
  const action = Object.prototype.hasOwnProperty.call(destination.actions, key) ? destination.actions[key] : undefined
  if (!action) {
    const known = Object.keys(destination.actions).join(', ') || 'none'
    throw new HttpError(404, `Unknown action "${key}" (actions: ${known})`, { action: key })
  }
  return action
}

// Without a mapping, the payload is taken as already mapped: each field reads its own key.
function identityMapping(destination: RuntimeDestination, actionKey: string): JsonRecord {
  const mapping: JsonRecord = {}
  for (const key of Object.keys(destination.definition.actions[actionKey]?.fields ?? {})) {
    mapping[key] = { '@path': `$.${key}` }
  }
  return mapping
}

export const runAction: Handler = async (req, context) => {
  const { destination } = context
  const actionKey = String(req.params.action)
  const route = `POST /${actionKey}`
  const action = actionOf(destination, actionKey)
  const body = bodyOf(req.body, route)
  const given = optionalObject(body, 'mapping', route)
  if (given) context.checkMapping(given, actionKey, route).forEach((warning) => context.warn(warning))
  const mapping = given ?? identityMapping(destination, actionKey)
  const settings = optionalObject(body, 'settings', route) ?? {}
  context.checkSettings(settings, route)
  const common = {
    mapping,
    settings,
    audienceSettings: optionalObject(body, 'audienceSettings', route),
    auth: optionalObject(body, 'auth', route),
    features: optionalObject(body, 'features', route) ?? {}
  }
  const input = body.events !== undefined ? body.events : body.payload
  if (Array.isArray(input)) {
    if (!input.every(isRecord)) throw new HttpError(400, `${route}: every event in the batch must be an object`)
    if (input.length > context.limits.maxEvents) {
      throw new HttpError(
        413,
        `${route}: a batch may hold at most ${context.limits.maxEvents} events (got ${input.length}); send it in parts`,
        { field: 'events', limit: context.limits.maxEvents }
      )
    }
    if (typeof action.executeBatch !== 'function' || action.hasBatchSupport === false) {
      throw new HttpError(400, `${route}: action "${actionKey}" does not support batches (no performBatch)`)
    }
    await action.executeBatch({ ...common, data: input })
  } else {
    if (input !== undefined && !isRecord(input)) {
      throw new HttpError(400, `${route}: "payload" must be an object, or an array of objects for a batch`)
    }
    await action.execute({ ...common, data: input ?? {} })
  }
  return context.exchanges()
}

export const runDynamicField: Handler = async (req, { destination }) => {
  const actionKey = String(req.params.action)
  const field = String(req.params.dynamicField)
  const route = `POST /${actionKey}/${field}`
  const action = actionOf(destination, actionKey)
  const body = bodyOf(req.body, route)
  const data = {
    settings: optionalObject(body, 'settings', route) ?? {},
    audienceSettings: optionalObject(body, 'audienceSettings', route),
    payload: optionalObject(body, 'payload', route) ?? {},
    page: optionalString(body, 'page', route),
    auth: optionalObject(body, 'auth', route),
    hookInputs: optionalObject(body, 'hookInputs', route),
    dynamicFieldContext: optionalObject(body, 'dynamicFieldContext', route)
  }
  if (typeof destination.executeDynamicField === 'function') {
    return destination.executeDynamicField(actionKey, field, data)
  }
  if (typeof action.executeDynamicField !== 'function') throw new HttpError(501, `${route}: not supported by core`)
  return action.executeDynamicField(field, data)
}

export const runHook: Handler = async (req, { destination }) => {
  const actionKey = String(req.params.action)
  const hook = String(req.params.hook)
  const route = `POST /${actionKey}/hooks/${hook}`
  const action = actionOf(destination, actionKey)
  const hooks = destination.definition.actions[actionKey]?.hooks ?? {}
  if (!Object.prototype.hasOwnProperty.call(hooks, hook) || !hooks[hook]) {
    throw new HttpError(404, `Action "${actionKey}" has no hook "${hook}"`, { action: actionKey, hook })
  }
  if (typeof action.executeHook !== 'function') throw new HttpError(501, `${route}: hooks are not supported by core`)
  const body = bodyOf(req.body, route)
  const inputs = optionalObject(body, 'hookInputs', route) ?? optionalObject(body, 'payload', route) ?? {}
  return action.executeHook(hook, {
    settings: optionalObject(body, 'settings', route) ?? {},
    audienceSettings: optionalObject(body, 'audienceSettings', route),
    payload: {},
    mapping: optionalObject(body, 'mapping', route) ?? {},
    hookInputs: inputs,
    auth: optionalObject(body, 'auth', route),
    features: optionalObject(body, 'features', route) ?? {}
  })
}

export const authenticate: Handler = async (req, context) => {
  const route = 'POST /authenticate'
  const body = bodyOf(req.body, route)
  const settings = optionalObject(body, 'settings', route) ?? {}
  context.checkSettings(settings, route)
  await context.destination.testAuthentication(settings)
  return { ok: true, requests: context.exchanges() }
}

export const refreshAccessToken: Handler = async (req, context) => {
  const route = 'POST /refreshAccessToken'
  const body = bodyOf(req.body, route)
  const settings = optionalObject(body, 'settings', route) ?? {}
  const auth = optionalObject(body, 'auth', route) ?? optionalObject(body, 'oauthData', route) ?? {}
  if (typeof context.destination.definition.authentication?.refreshAccessToken !== 'function') {
    throw new HttpError(400, `${route}: the destination defines no authentication.refreshAccessToken`)
  }
  const result = await context.destination.refreshAccessToken(settings, auth)
  return { result: result ?? null, requests: context.exchanges() }
}

export const deleteUser: Handler = async (req, context) => {
  const route = 'POST /delete'
  const body = bodyOf(req.body, route)
  const { destination } = context
  if (typeof destination.onDelete !== 'function') throw new HttpError(400, `${route}: the destination has no onDelete`)
  const event = optionalObject(body, 'payload', route) ?? optionalObject(body, 'event', route) ?? {}
  const settings = optionalObject(body, 'settings', route) ?? {}
  context.checkSettings(settings, route)
  const result = await destination.onDelete(event, settings)
  return { result: result ?? null, requests: context.exchanges() }
}

export function audienceCall(kind: 'createAudience' | 'getAudience'): Handler {
  return async (req, context) => {
    const route = `POST /${kind}`
    const body = bodyOf(req.body, route)
    const { destination } = context
    const call = destination[kind]
    if (typeof call !== 'function' || !destination.definition.audienceConfig) {
      throw new HttpError(400, `${route}: the destination is not an audience destination`)
    }
    const settings = optionalObject(body, 'settings', route) ?? {}
    context.checkSettings(settings, route)
    const input: JsonRecord = {
      settings,
      audienceSettings: optionalObject(body, 'audienceSettings', route) ?? {},
      features: optionalObject(body, 'features', route) ?? {}
    }
    if (kind === 'createAudience') {
      const audienceName = optionalString(body, 'audienceName', route)
      if (!audienceName) throw new HttpError(400, `${route}: "audienceName" is required`, { field: 'audienceName' })
      input.audienceName = audienceName
      input.personas = optionalObject(body, 'personas', route)
    } else {
      const externalId = optionalString(body, 'externalId', route)
      if (!externalId) throw new HttpError(400, `${route}: "externalId" is required`, { field: 'externalId' })
      input.externalId = externalId
    }
    const result = await call.call(destination, input)
    return { result: result ?? null, requests: context.exchanges() }
  }
}
