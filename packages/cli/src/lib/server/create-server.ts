import express, { type Express, type NextFunction, type Request, type Response } from 'express'
import { loadMappingTools, type MappingTools, type RuntimeAction, type RuntimeDestination } from '../core-runtime'
import { bodyOf, isRecord, optionalObject, optionalString, type JsonRecord } from './body'
import { toErrorAnswer } from './error-response'
import { toExchange, type Exchange } from './exchanges'
import { HttpError } from './http-error'
import { buildManifest } from './manifest'
import { DeliveryCounts } from './tester/delivery-counts'
import { SubscriptionStore } from './tester/saved-subscriptions'
import { testerRoutes } from './tester/tester-routes'
import { mountWebPage } from './tester/web-assets'

export interface ServerOptions {
  /** The destination to serve, or a getter so a watcher can swap it after a reload. */
  destination: RuntimeDestination | (() => RuntimeDestination)
  /** Largest accepted JSON body. */
  bodyLimit?: string
  /** Checks a mapping before it runs (core's mapping-kit `validate`); a throw answers 400. */
  validateMapping?: (mapping: JsonRecord) => void
  /** Called with each request's outcome, e.g. to log it. */
  onRequest?: (line: string) => void
  /** Where the Actions Tester keeps subscriptions; without it they live in memory only. */
  subscriptionsFile?: string
  /** Folder of the built page (default packages/cli/dist/web); tests point it elsewhere. */
  webDirectory?: string
  /** Core's transform and schema check for "Test mapping"; loaded from core when absent. */
  mappingTools?: MappingTools
}

type Handler = (req: Request, destination: RuntimeDestination, options: ServerOptions) => Promise<unknown>

// Requests run one at a time: the runtime collects responses on a shared array per destination.
function serial(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(task: () => Promise<T>): Promise<T> => {
    const next = tail.then(task, task)
    tail = next.catch(() => undefined)
    return next
  }
}

function captured(destination: RuntimeDestination): Exchange[] {
  return (destination.responses ?? []).map(toExchange)
}

function actionOf(destination: RuntimeDestination, key: string): RuntimeAction {
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

function checkMapping(mapping: JsonRecord, route: string, options: ServerOptions): void {
  if (!options.validateMapping) return
  try {
    options.validateMapping(mapping)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new HttpError(400, `${route}: the mapping is invalid: ${message}`, { field: 'mapping' })
  }
}

async function runAction(req: Request, destination: RuntimeDestination, options: ServerOptions): Promise<unknown> {
  const actionKey = String(req.params.action)
  const route = `POST /${actionKey}`
  const action = actionOf(destination, actionKey)
  const body = bodyOf(req.body, route)
  const given = optionalObject(body, 'mapping', route)
  if (given) checkMapping(given, route, options)
  const mapping = given ?? identityMapping(destination, actionKey)
  const common = {
    mapping,
    settings: optionalObject(body, 'settings', route) ?? {},
    audienceSettings: optionalObject(body, 'audienceSettings', route),
    auth: optionalObject(body, 'auth', route),
    features: optionalObject(body, 'features', route) ?? {}
  }
  const input = body.events !== undefined ? body.events : body.payload
  if (Array.isArray(input)) {
    if (!input.every(isRecord)) throw new HttpError(400, `${route}: every event in the batch must be an object`)
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
  return captured(destination)
}

async function runDynamicField(req: Request, destination: RuntimeDestination): Promise<unknown> {
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

async function runHook(req: Request, destination: RuntimeDestination): Promise<unknown> {
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

async function authenticate(req: Request, destination: RuntimeDestination): Promise<unknown> {
  const body = bodyOf(req.body, 'POST /authenticate')
  await destination.testAuthentication(optionalObject(body, 'settings', 'POST /authenticate') ?? {})
  return { ok: true, requests: captured(destination) }
}

async function refreshAccessToken(req: Request, destination: RuntimeDestination): Promise<unknown> {
  const route = 'POST /refreshAccessToken'
  const body = bodyOf(req.body, route)
  const settings = optionalObject(body, 'settings', route) ?? {}
  const auth = optionalObject(body, 'auth', route) ?? optionalObject(body, 'oauthData', route) ?? {}
  if (typeof destination.definition.authentication?.refreshAccessToken !== 'function') {
    throw new HttpError(400, `${route}: the destination defines no authentication.refreshAccessToken`)
  }
  const result = await destination.refreshAccessToken(settings, auth)
  return { result: result ?? null, requests: captured(destination) }
}

async function deleteUser(req: Request, destination: RuntimeDestination): Promise<unknown> {
  const route = 'POST /delete'
  const body = bodyOf(req.body, route)
  if (typeof destination.onDelete !== 'function') throw new HttpError(400, `${route}: the destination has no onDelete`)
  const event = optionalObject(body, 'payload', route) ?? optionalObject(body, 'event', route) ?? {}
  const result = await destination.onDelete(event, optionalObject(body, 'settings', route) ?? {})
  return { result: result ?? null, requests: captured(destination) }
}

function audienceCall(kind: 'createAudience' | 'getAudience'): Handler {
  return async (req, destination) => {
    const route = `POST /${kind}`
    const body = bodyOf(req.body, route)
    const call = destination[kind]
    if (typeof call !== 'function' || !destination.definition.audienceConfig) {
      throw new HttpError(400, `${route}: the destination is not an audience destination`)
    }
    const input: JsonRecord = {
      settings: optionalObject(body, 'settings', route) ?? {},
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
    return { result: result ?? null, requests: captured(destination) }
  }
}

/**
 * Builds the local server: the reference's routes over one destination. Listening is the
 * caller's job, so tests and the web tester can mount or extend the app.
 */
export function createServer(options: ServerOptions): Express {
  const current =
    typeof options.destination === 'function' ? options.destination : () => options.destination as RuntimeDestination
  const queue = serial()
  const app = express()
  app.disable('x-powered-by')
  app.use(express.json({ limit: options.bodyLimit ?? '5mb' }))

  const route = (handler: Handler) => async (req: Request, res: Response, next: NextFunction) => {
    try {
      const answer = await queue(async () => {
        const destination = current()
        destination.responses.length = 0
        try {
          return { ok: true as const, value: await handler(req, destination, options) }
        } catch (error) {
          return { ok: false as const, error, requests: captured(destination) }
        }
      })
      if (answer.ok) {
        res.status(200).json(answer.value ?? null)
      } else {
        const { status, body } = toErrorAnswer(answer.error)
        res.status(status).json({ ...body, requests: answer.requests })
      }
      options.onRequest?.(`${req.method} ${req.path} -> ${res.statusCode}`)
    } catch (error) {
      next(error)
    }
  }

  let tools = options.mappingTools
  const store = new SubscriptionStore(options.subscriptionsFile)
  store.load(Object.keys(current().definition.actions))
  const tester = testerRoutes({
    store,
    counts: new DeliveryCounts(),
    tools: () => (tools ??= loadMappingTools()),
    validateMapping: options.validateMapping
  })
  // Before the `/:action` routes, so the page's API never reaches them.
  for (const { method, path, handler } of tester)
    app[method](
      path,
      route((req, destination) => handler(req, destination))
    )
  mountWebPage(app, options.webDirectory)

  app.get('/manifest', (_req, res) => {
    res.json(buildManifest(current().definition))
  })
  app.post('/authenticate', route(authenticate))
  app.post('/refreshAccessToken', route(refreshAccessToken))
  app.post('/delete', route(deleteUser))
  app.post('/createAudience', route(audienceCall('createAudience')))
  app.post('/getAudience', route(audienceCall('getAudience')))
  app.post('/:action/hooks/:hook', route(runHook))
  app.post('/:action/:dynamicField', route(runDynamicField))
  app.post('/:action', route(runAction))

  // Body-parser failures (malformed JSON, too large) and anything unexpected end here, never crash.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    void _next
    const type = isRecord(error) ? error.type : undefined
    if (type === 'entity.parse.failed') {
      const detail = error instanceof Error ? error.message : 'invalid JSON'
      res.status(400).json({ error: { message: `${req.method} ${req.path}: the body is not valid JSON (${detail})` } })
      return
    }
    const { status, body } = toErrorAnswer(error)
    res.status(status).json(body)
  })
  return app
}
