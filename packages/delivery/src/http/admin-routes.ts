// The admin API under /admin: read and change the configuration, whole or per instance or
// subscription. Every request needs `Authorization: Bearer <admin token>`; every change is
// validated like the file and answers 400 naming the place; secrets are masked in answers.
import { createHash, timingSafeEqual } from 'crypto'
import express, { type NextFunction, type Request, type Response, type Router } from 'express'
import { ConfigError } from '../config/config-error'
import { deleteInstance, putInstance, putSubscription, replaceWholeConfig, type Candidate } from '../config/edit-config'
import type { DestinationRegistry } from '../config/registry'
import { maskSettings } from '../safety/secret-settings'
import type { DestinationInstanceConfig, EngineConfig } from '../config/types'
import { validateConfig } from '../config/validate-config'
import type { Store } from '../store/store'

export interface AdminOptions {
  store: Store
  registry: DestinationRegistry
  adminToken: string
  /** The configuration in effect. */
  currentConfig(): EngineConfig
  /** Called after a change is saved, so this process applies it at once. */
  afterChange(): Promise<void>
}

/** Largest admin request body. */
export const MAX_ADMIN_BODY = '1mb'

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest()
}

export function requireBearerToken(token: string) {
  const expected = digest(token)
  return function bearer(req: Request, res: Response, next: NextFunction): void {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')
    if (!match || !timingSafeEqual(digest(match[1]), expected)) {
      res.setHeader('WWW-Authenticate', 'Bearer')
      res
        .status(401)
        .json({ success: false, message: 'Unauthorized: the admin API needs Authorization: Bearer <admin token>' })
      return
    }
    next()
  }
}

export function createAdminRouter(options: AdminOptions): Router {
  const router = express.Router()
  router.use(requireBearerToken(options.adminToken))
  router.use(express.json({ limit: MAX_ADMIN_BODY, type: () => true }))

  const maskInstance = (instance: DestinationInstanceConfig): DestinationInstanceConfig => ({
    ...instance,
    settings: maskSettings(
      instance.settings,
      options.registry.find(instance.destination)?.definition.authentication?.fields
    )
  })
  const maskConfig = (config: EngineConfig): EngineConfig => ({
    sources: config.sources,
    destinations: config.destinations.map(maskInstance)
  })

  // Changes are applied one at a time in this process (read, change, validate, save).
  let queue: Promise<unknown> = Promise.resolve()
  function change(
    res: Response,
    edit: (current: EngineConfig) => Candidate | undefined,
    answer: (saved: EngineConfig) => unknown
  ): Promise<void> {
    const run = queue.then(async () => {
      const stored = await options.store.loadConfig()
      const current = stored?.config ?? options.currentConfig()
      const candidate = edit(current)
      if (!candidate) return void res.status(404).json({ success: false, message: 'Not found' })
      let config: EngineConfig
      try {
        config = validateConfig(candidate.config, options.registry)
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error
        const problems = candidate.place
          ? error.problems.map((problem) =>
              problem.startsWith(candidate.place as string)
                ? 'body' + problem.slice((candidate.place as string).length)
                : problem
            )
          : error.problems
        return void res
          .status(400)
          .json({ success: false, message: `Invalid configuration:\n- ${problems.join('\n- ')}`, problems })
      }
      const version = await options.store.saveConfig(config, stored?.seedHash)
      await options.afterChange()
      res.status(200).json({ success: true, version, ...(answer(config) as object) })
    })
    queue = run.catch(() => undefined)
    return run
  }

  const findInstance = (name: string): DestinationInstanceConfig | undefined =>
    options.currentConfig().destinations.find((item) => item.name === name)
  const param = (req: Request, name: string): string => String(req.params[name])

  router.get('/config', (_req, res) => {
    res.json({ config: maskConfig(options.currentConfig()) })
  })
  router.put('/config', (req, res) =>
    change(
      res,
      (current) => replaceWholeConfig(current, req.body),
      (saved) => ({ config: maskConfig(saved) })
    )
  )
  router.get('/destinations', (_req, res) => {
    res.json({ destinations: options.currentConfig().destinations.map(maskInstance) })
  })
  router.get('/destinations/:name', (req, res) => {
    const instance = findInstance(param(req, 'name'))
    if (!instance)
      return void res.status(404).json({ success: false, message: `No destination instance "${param(req, 'name')}"` })
    res.json({ destination: maskInstance(instance) })
  })
  router.put('/destinations/:name', (req, res) => {
    const name = param(req, 'name')
    if (req.body && typeof req.body === 'object' && 'name' in req.body && req.body.name !== name) {
      return void res
        .status(400)
        .json({ success: false, message: `body.name: should be "${name}" (the name in the URL)` })
    }
    return change(
      res,
      (current) => putInstance(current, name, req.body),
      (saved) => ({
        destination: maskInstance(saved.destinations.find((item) => item.name === name) as DestinationInstanceConfig)
      })
    )
  })
  router.delete('/destinations/:name', (req, res) =>
    change(
      res,
      (current) => {
        const next = deleteInstance(current, param(req, 'name'))
        return next && { config: next }
      },
      () => ({})
    )
  )
  router.put('/destinations/:name/subscriptions/:id', (req, res) => {
    const name = param(req, 'name')
    const id = param(req, 'id')
    if (req.body && typeof req.body === 'object' && 'id' in req.body && req.body.id !== id) {
      return void res.status(400).json({ success: false, message: `body.id: should be "${id}" (the id in the URL)` })
    }
    return change(
      res,
      (current) => putSubscription(current, name, id, req.body),
      (saved) => ({
        subscription: saved.destinations
          .find((item) => item.name === name)
          ?.subscriptions.find((item) => item.id === id)
      })
    )
  })
  return router
}
