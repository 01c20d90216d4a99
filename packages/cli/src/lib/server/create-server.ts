import express, { type Express, type NextFunction, type Request, type Response } from 'express'
import { loadMappingTools, type MappingTools, type RuntimeDestination } from '../core-runtime'
import {
  audienceCall,
  authenticate,
  deleteUser,
  refreshAccessToken,
  runAction,
  runDynamicField,
  runHook,
  type Handler
} from './action-routes'
import { isRecord, type JsonRecord } from './body'
import { debugLog } from './debug-log'
import { errorOrigin, relativeTo, withRelativePaths } from './error-origin'
import { toErrorAnswer } from './error-response'
import { toExchange } from './exchanges'
import { HttpError } from './http-error'
import { InstancePool } from './instance-pool'
import { buildManifest } from './manifest'
import { unknownMappingKeys } from './mapping-check'
import { Redactor, secretSettingValues } from '@action-destinations/delivery/safety'
import { jsonOnly, requestGuard } from './request-guard'
import { DEFAULT_LIMITS, type FanOutLimits, type RouteContext } from './route-context'
import type { ServerStatus } from './server-status'
import { checkSettings } from './settings-check'
import { DeliveryCounts } from './tester/delivery-counts'
import { SubscriptionStore } from './tester/saved-subscriptions'
import { testerRoutes } from './tester/tester-routes'
import { mountWebPage } from './tester/web-assets'

export interface ServerOptions {
  /** The destination to serve, or a getter so a watcher can swap it after a reload. */
  destination: RuntimeDestination | (() => RuntimeDestination)
  /**
   * Builds another instance of the same definition, so requests run concurrently (each on an
   * instance of its own). Without it, requests wait for the one instance in turn.
   */
  createInstance?: (template: RuntimeDestination) => RuntimeDestination
  /** Largest accepted JSON body. */
  bodyLimit?: string
  /** Checks a mapping before it runs (core's mapping-kit `validate`); a throw answers 400. */
  validateMapping?: (mapping: JsonRecord) => void
  /** Called with each request's outcome (and warnings), e.g. to log it. */
  onRequest?: (line: string) => void
  /** Where the Actions Tester keeps subscriptions; without it they live in memory only. */
  subscriptionsFile?: string
  /** Folder of the built page (default packages/cli/dist/web); tests point it elsewhere. */
  webDirectory?: string
  /** Core's transform and schema check for "Test mapping"; loaded from core when absent. */
  mappingTools?: MappingTools
  /** Host names besides the loopback ones that requests may address (the `--host` interface). */
  hosts?: readonly string[]
  /** How much one request may fan out (events, perform calls). */
  limits?: Partial<FanOutLimits>
  /** Reload and type-check state, answered by `GET /tester-api/status`. */
  status?: ServerStatus
  /** Paths in answers are shown relative to this folder (default: the working directory). */
  projectRoot?: string
  /** The destination's folder: an error's origin is looked for there first. */
  destinationFolder?: string
}

// Secrets of one request: password-type (or secret-named) settings, and every string of `auth`.
function redactorFor(body: unknown, destination: RuntimeDestination): Redactor {
  if (!isRecord(body)) return new Redactor()
  const values: unknown[] = []
  const settings = isRecord(body.settings) ? body.settings : undefined
  values.push(...secretSettingValues(settings, destination.definition.authentication?.fields))
  for (const key of ['auth', 'oauthData']) {
    const auth = body[key]
    if (isRecord(auth)) values.push(...Object.values(auth))
  }
  return new Redactor(values)
}

/**
 * Builds the local server: the reference's routes over one destination. Listening is the
 * caller's job, so tests and the web tester can mount or extend the app.
 */
export function createServer(options: ServerOptions): Express {
  const current =
    typeof options.destination === 'function' ? options.destination : () => options.destination as RuntimeDestination
  const pool = new InstancePool(current, options.createInstance)
  const limits: FanOutLimits = { ...DEFAULT_LIMITS, ...options.limits }
  const root = options.projectRoot ?? process.cwd()
  const log = (line: string): void => {
    debugLog.request('%s', line)
    options.onRequest?.(line)
  }
  const app = express()
  app.disable('x-powered-by')
  app.use(requestGuard(options.hosts ?? [], log))
  app.use(jsonOnly(log))
  app.use(express.json({ limit: options.bodyLimit ?? '5mb', type: ['application/json', 'application/*+json'] }))

  const route = (handler: Handler) => async (req: Request, res: Response, next: NextFunction) => {
    const started = Date.now()
    let lease
    try {
      lease = await pool.lease()
    } catch (error) {
      next(error)
      return
    }
    const { destination } = lease
    const redactor = redactorFor(req.body, destination)
    const context: RouteContext = {
      destination,
      limits,
      exchanges: () => (destination.responses ?? []).map((captured) => toExchange(captured, redactor)),
      checkSettings: (settings, where) => checkSettings(destination, settings, where),
      checkMapping: (mapping, actionKey, where) => {
        if (options.validateMapping) {
          try {
            options.validateMapping(mapping)
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error)
            throw new HttpError(400, `${where}: the mapping is invalid: ${message}`, { field: 'mapping' })
          }
        }
        return unknownMappingKeys(mapping, destination.definition.actions[actionKey]?.fields, actionKey)
      },
      redact: (text) => redactor.text(text),
      warn: (message) => log(`${req.method} ${req.path}: warning: ${message}`)
    }
    try {
      const value = await handler(req, context)
      res.status(200).json(value ?? null)
      log(`${req.method} ${req.path} -> 200 (${Date.now() - started} ms)`)
    } catch (error) {
      const { status, body } = toErrorAnswer(error)
      const message = withRelativePaths(redactor.text(String(body.error.message)), root)
      res.status(status).json({ error: { ...body.error, message }, requests: context.exchanges() })
      const origin = status >= 500 ? errorOrigin(error, options.destinationFolder, root) : undefined
      log(
        `${req.method} ${req.path} -> ${status} (${Date.now() - started} ms): ${message}${origin ? ` (at ${origin})` : ''}`
      )
    } finally {
      lease.release()
    }
  }

  let tools = options.mappingTools
  const store = new SubscriptionStore(options.subscriptionsFile)
  const tester = testerRoutes({
    store,
    counts: new DeliveryCounts(),
    tools: () => (tools ??= loadMappingTools()),
    validateMapping: options.validateMapping,
    status: options.status,
    projectRoot: root
  })
  // The saved file is read without the mapping check: a mapping that no longer validates is shown
  // (and refused on the next save) rather than making the whole file unreadable and then lost.
  store.load(
    Object.keys(current().definition.actions),
    undefined,
    options.subscriptionsFile && relativeTo(root, options.subscriptionsFile)
  )
  // Before the `/:action` routes, so the page's API never reaches them.
  for (const { method, path, handler } of tester) app[method](path, route(handler))
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

  // Every other route or method answers JSON too, never Express's HTML page.
  app.use((req: Request, res: Response) => {
    const hint = req.method === 'GET' ? ' (actions run with POST /<action>)' : ''
    const message = `No route ${req.method} ${req.path}${hint}`
    res.status(404).json({ error: { message, status: 404 } })
    log(`${req.method} ${req.path} -> 404: ${message}`)
  })

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
    // A missing static file reports its absolute path: name the route instead.
    const message =
      status === 404 ? `No file at ${req.method} ${req.path}` : withRelativePaths(String(body.error.message), root)
    res.status(status).json({ error: { ...body.error, message } })
    log(`${req.method} ${req.path} -> ${status}: ${message}`)
  })
  return app
}
