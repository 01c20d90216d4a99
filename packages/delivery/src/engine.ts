// The engine's lifecycle: open the store, seed the configuration, build the router, serve HTTP,
// start the delivery worker; stop() undoes it in the order that loses nothing.
import { createHash, randomBytes } from 'crypto'
import type { Server } from 'http'
import type { AddressInfo } from 'net'
import type { Express } from 'express'
import type { Logger } from 'pino'
import { watchConfig, type ConfigWatcher } from './config/config-watcher'
import { loadConfigFile } from './config/load-config-file'
import type { DestinationRegistry } from './config/registry'
import { seedConfig } from './config/seed-config'
import type { EngineConfig } from './config/types'
import { validateConfig } from './config/validate-config'
import { createDeliveryWorker, type DeliveryWorkerOptions } from './deliver/create-worker'
import type { DeliveryWorker } from './deliver/types'
import { createApp, type EngineState } from './http/app'
import { hostPolicy } from './http/host-origin'
import { DEFAULT_DEDUPE_WINDOW_MS } from './ingest/ingest-handler'
import { createLogger } from './log'
import { createPrometheusSink } from './metrics/prometheus-sink'
import { createRouter } from './route/create-router'
import type { Router } from './route/types'
import { openStore } from './store/open-store'
import type { Store } from './store/store'

export const DEFAULT_PORT = 3100
export const DEFAULT_HOST = '127.0.0.1'
/** Delivered events and old attempts are pruned after this long (the console shows recent ones). */
export const DEFAULT_RETENTION_MS = 24 * 60 * 60 * 1000
const PRUNE_EVERY_MS = 10 * 60 * 1000

export type WorkerTuning = Partial<
  Omit<DeliveryWorkerOptions, 'store' | 'registry' | 'metrics' | 'logger' | 'currentConfig' | 'workerId'>
>

export interface EngineOptions {
  /** A configuration file path, or a configuration object (validated the same way). */
  config: string | EngineConfig
  registry: DestinationRegistry
  /** An SQLite file path or a postgres:// URL (see openStore), or an open store. */
  store: string | Store
  /** Default 3100; 0 picks a free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** Host names accepted in the Host header besides the bound address (needed behind a proxy). */
  allowedHosts?: string[]
  /** Bearer token of the admin API. Default: env DELIVERY_ADMIN_TOKEN, else a random one (see RunningEngine). */
  adminToken?: string
  logger?: Logger
  /** How long a repeated messageId of a source is dropped. Default 24 h (Segment's). */
  dedupeWindowMs?: number
  /** How often the store's configuration version is polled. Default 250 ms. */
  configPollMs?: number
  retentionMs?: number
  /** False runs ingest only (no delivery in this process). Default true. */
  deliver?: boolean
  worker?: WorkerTuning
  /** How long stop() waits for deliveries in flight. Default 10 s. */
  stopDeadlineMs?: number
  /** Adds routes (the console) to the HTTP app. */
  mount?: (app: Express, engine: { store: Store; registry: DestinationRegistry; currentConfig(): EngineConfig }) => void
}

export interface RunningEngine {
  url: string
  port: number
  host: string
  adminToken: string
  /** True when the admin token was generated (the caller should print it). */
  adminTokenGenerated: boolean
  store: Store
  /** The configuration in effect. */
  config(): EngineConfig
  /** Whether seeding applied the given configuration (false: the store's, unchanged file). */
  seeded: boolean
  stop(): Promise<void>
}

function listen(app: Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host)
    server.once('listening', () => resolve(server))
    server.once('error', reject)
  })
}

function closeServer(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeIdleConnections()
    setTimeout(() => server.closeAllConnections(), graceMs).unref()
  })
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host
}

export async function startEngine(options: EngineOptions): Promise<RunningEngine> {
  const logger = options.logger ?? createLogger()
  const host = options.host ?? DEFAULT_HOST
  const { config: initialConfig, hash } =
    typeof options.config === 'string'
      ? loadConfigFile(options.config, options.registry)
      : {
          config: validateConfig(options.config, options.registry),
          hash: createHash('sha256').update(JSON.stringify(options.config)).digest('hex')
        }
  const store = typeof options.store === 'string' ? openStore(options.store) : options.store
  let state: EngineState = 'starting'
  let watcher: ConfigWatcher | undefined
  let server: Server | undefined
  let worker: DeliveryWorker | undefined
  let pruneTimer: NodeJS.Timeout | undefined
  try {
    await store.init()
    const seeded = await seedConfig(store, initialConfig, hash)
    let router: Router = createRouter(seeded.config, options.registry)
    let sourcesByKey = new Map(seeded.config.sources.map((source) => [source.writeKey, source.name]))
    watcher = watchConfig({
      store,
      initial: seeded,
      pollMs: options.configPollMs,
      onChange(config, version) {
        try {
          router = createRouter(config, options.registry)
          sourcesByKey = new Map(config.sources.map((source) => [source.writeKey, source.name]))
          logger.info({ version }, 'configuration changed')
        } catch (error) {
          logger.error({ err: error, version }, 'configuration change not applied: the router could not be built')
        }
      },
      onError: (error) => logger.warn({ err: error }, 'configuration poll failed')
    })
    const current = watcher
    const currentConfig = (): EngineConfig => current.current()
    const metrics = createPrometheusSink(store)
    const envToken = process.env.DELIVERY_ADMIN_TOKEN
    const adminToken = options.adminToken || envToken || randomBytes(24).toString('base64url')
    const app = createApp({
      ingest: {
        store,
        sourceForWriteKey: (key) => sourcesByKey.get(key),
        router: () => router,
        metrics,
        dedupeWindowMs: options.dedupeWindowMs ?? DEFAULT_DEDUPE_WINDOW_MS,
        accepting: () => state === 'ready',
        logger
      },
      admin: { store, registry: options.registry, adminToken, currentConfig, afterChange: () => current.refresh() },
      metrics,
      state: () => state,
      hostPolicy: hostPolicy(host, options.allowedHosts),
      logger,
      mount: options.mount && ((app) => options.mount?.(app, { store, registry: options.registry, currentConfig }))
    })
    server = await listen(app, options.port ?? DEFAULT_PORT, host)
    const port = (server.address() as AddressInfo).port
    if (options.deliver !== false) {
      worker = createDeliveryWorker({
        ...options.worker,
        store,
        registry: options.registry,
        metrics,
        logger,
        currentConfig,
        workerId: `${process.pid}-${randomBytes(4).toString('hex')}`
      })
      worker.start()
    }
    const retention = options.retentionMs ?? DEFAULT_RETENTION_MS
    pruneTimer = setInterval(() => {
      store.prune(Date.now() - retention).catch((error) => logger.warn({ err: error }, 'prune failed'))
    }, PRUNE_EVERY_MS)
    pruneTimer.unref()
    state = 'ready'
    const url = `http://${urlHost(host)}:${port}`
    logger.info(
      { url, sources: seeded.config.sources.length, instances: seeded.config.destinations.length },
      'engine ready'
    )

    let stopping: Promise<void> | undefined
    const runningServer = server
    const runningWorker = worker
    const stop = (): Promise<void> => {
      stopping ??= (async () => {
        state = 'stopping'
        clearInterval(pruneTimer)
        await runningWorker?.stop(options.stopDeadlineMs ?? 10_000)
        current.stop()
        await closeServer(runningServer, 2000)
        await store.close()
        logger.info('engine stopped')
      })()
      return stopping
    }
    return {
      url,
      port,
      host,
      adminToken,
      adminTokenGenerated: !options.adminToken && !envToken,
      store,
      config: currentConfig,
      seeded: seeded.applied,
      stop
    }
  } catch (error) {
    clearInterval(pruneTimer)
    watcher?.stop()
    await worker?.stop(1000).catch(() => undefined)
    if (server) await closeServer(server, 0)
    await store.close().catch(() => undefined)
    throw error
  }
}
