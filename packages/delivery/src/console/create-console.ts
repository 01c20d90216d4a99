// The console: its JSON API under /console-api and its page at / (files under /console-assets),
// behind the guard. The engine mounts `router` into its app and calls `close()` when it stops.
import express, { type NextFunction, type Request, type Response, type Router } from 'express'
import fs from 'fs'
import path from 'path'
import { ConsoleError, isRecord } from './console-error'
import type { ConsoleContext, ConsoleOptions, ConsoleRoute } from './console-context'
import { configRoutes } from './config-routes'
import { deliveryRoutes } from './delivery-routes'
import { eventRoutes } from './event-routes'
import { ConsoleGuard, SESSION_COOKIE, sessionValue } from './guard'
import { LiveEvents } from './live-events'

export const PAGE_NOT_BUILT =
  'The console page is not built. Run "yarn build" at the repository root (or "npm run bundle" in packages/cli).'

export interface Console {
  router: Router
  /** Ends the debugger's live streams so the server can close. */
  close(): void
}

function answerError(res: Response, error: unknown): void {
  if (error instanceof ConsoleError) {
    res.status(error.status).json({ error: { message: error.message } })
    return
  }
  // express.json's own refusals carry a status (bad JSON, too large).
  const status = (error as { status?: unknown }).status
  if (typeof status === 'number' && status >= 400 && status < 500) {
    res.status(status).json({ error: { message: `request body: ${(error as Error).message}` } })
    return
  }
  res.status(500).json({ error: { message: error instanceof Error ? error.message : String(error) } })
}

export function createConsole(options: ConsoleOptions): Console {
  const context: ConsoleContext = { store: options.store, registry: options.registry, now: options.now ?? Date.now }
  const guard = new ConsoleGuard(options)
  const live = new LiveEvents(options.store, options.pollMs ?? 500)
  const router = express.Router()

  router.use(['/console-api', '/console-assets'], guard.middleware)
  router.get('/', guard.middleware)
  router.use('/console-api', express.json({ limit: '1mb' }))

  router.get('/console-api/session', (req, res) => {
    res.json({ needsLogin: guard.needsLogin, loggedIn: guard.loggedIn(req) })
  })
  router.post('/console-api/login', (req, res) => {
    const token = isRecord(req.body) ? req.body.token : undefined
    if (!guard.needsLogin) {
      res.json({ loggedIn: true })
    } else if (typeof token !== 'string' || !guard.tokenMatches(token)) {
      res.status(401).json({ error: { message: 'token: not the admin token' } })
    } else {
      const value = sessionValue(token)
      res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${value}; HttpOnly; SameSite=Strict; Path=/`)
      res.json({ loggedIn: true })
    }
  })
  router.use('/console-api', (req: Request, res: Response, next: NextFunction) => {
    if (guard.loggedIn(req)) return next()
    res.status(401).json({ error: { message: 'the console needs the admin token (log in first)' } })
  })

  router.get('/console-api/events/stream', (_req, res) => {
    if (!live.open(res)) res.status(503).json({ error: { message: 'too many live debugger streams are open' } })
  })
  const routes: ConsoleRoute[] = [...configRoutes(context), ...eventRoutes(context), ...deliveryRoutes(context)]
  for (const route of routes) {
    router[route.method](route.path, (req: Request, res: Response) => {
      route.handler(req).then(
        (answer) => res.json(answer),
        (error: unknown) => answerError(res, error)
      )
    })
  }
  router.use('/console-api', (req: Request, res: Response) => {
    res.status(404).json({ error: { message: `${req.method} ${req.originalUrl}: no such console API route` } })
  })
  router.use('/console-api', (error: unknown, _req: Request, res: Response, _next: NextFunction) =>
    answerError(res, error)
  )

  const staticDir = options.staticDir
  router.get('/', (_req, res) => {
    const index = staticDir && path.join(staticDir, 'index.html')
    if (!index || !fs.existsSync(index)) {
      res.status(503).type('text/plain').send(PAGE_NOT_BUILT)
      return
    }
    res.type('html').sendFile(index)
  })
  if (staticDir) {
    router.use('/console-assets', express.static(path.join(staticDir, 'assets'), { fallthrough: false, index: false }))
  }
  return { router, close: () => live.close() }
}
