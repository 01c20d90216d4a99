// The engine's HTTP surface: ingest (open to any origin, write-key auth), the admin API (bearer
// token, same-origin only), /metrics and /health. The console mounts its routes through `mount`.
import express, { type Express, type NextFunction, type Request, type Response } from 'express'
import type { Logger } from 'pino'
import { createIngestHandler, type IngestContext } from '../ingest/ingest-handler'
import { EVENT_TYPES } from '../ingest/normalize-event'
import type { PrometheusSink } from '../metrics/prometheus-sink'
import { createAdminRouter, type AdminOptions } from './admin-routes'
import { checkHostAndOrigin, securityHeaders, type HostPolicy } from './host-origin'

export type EngineState = 'starting' | 'ready' | 'stopping'

export interface AppOptions {
  ingest: IngestContext
  admin: AdminOptions
  metrics: PrometheusSink
  state(): EngineState
  hostPolicy: HostPolicy
  logger: Logger
  /** Adds more routes (the console) behind the Host/Origin checks, before the 404 handler. */
  mount?: (app: Express) => void
}

/** Ingest answers any origin: browsers read the answer, no credentials are involved. */
function ingestCors(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Access-Control-Allow-Origin', '*')
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', 'POST')
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Content-Encoding, Authorization')
    res.setHeader('Access-Control-Max-Age', '86400')
    return void res.status(204).end()
  }
  next()
}

export function createApp(options: AppOptions): Express {
  const app = express()
  app.disable('x-powered-by')
  app.set('etag', false)
  app.use(securityHeaders)

  const ingestRoutes = [...EVENT_TYPES, 'batch' as const]
  app.use('/v1', ingestCors)
  for (const route of ingestRoutes) {
    const handler = createIngestHandler(route, options.ingest)
    app.post(`/v1/${route}`, handler)
  }

  app.use(checkHostAndOrigin(options.hostPolicy))
  app.get('/health', (_req, res) => {
    const state = options.state()
    res.status(state === 'ready' ? 200 : 503).json({ status: state })
  })
  app.get('/metrics', async (_req, res) => {
    res.setHeader('Content-Type', options.metrics.contentType())
    res.send(await options.metrics.metrics())
  })
  app.use('/admin', createAdminRouter(options.admin))
  options.mount?.(app)

  app.use((req: Request, res: Response) => {
    res.status(404).json({ success: false, message: `No route ${req.method} ${req.path}` })
  })
  // Express 5 passes rejected handler promises here.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: number }).status
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return void res.status(status).json({ success: false, message: (error as Error).message })
    }
    options.logger.error({ err: error, path: req.path }, 'request failed')
    if (!res.headersSent) res.status(500).json({ success: false, message: 'Internal error' })
  })
  return app
}
