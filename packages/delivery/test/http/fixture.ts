// A small destination, a registry of it, a valid configuration and an app over a temp SQLite store.
import { mkdtempSync, rmSync } from 'fs'
import type { AddressInfo } from 'net'
import type { Server } from 'http'
import { tmpdir } from 'os'
import { join } from 'path'
import pino from 'pino'
import type { DestinationDefinition } from '@action-destinations/core'
import type { DestinationRegistry, RegistryEntry } from '../../src/config/registry'
import type { EngineConfig } from '../../src/config/types'
import { validateConfig } from '../../src/config/validate-config'
import { watchConfig, type ConfigWatcher } from '../../src/config/config-watcher'
import { createApp, type EngineState } from '../../src/http/app'
import { hostPolicy } from '../../src/http/host-origin'
import { createPrometheusSink, type PrometheusSink } from '../../src/metrics/prometheus-sink'
import { createRouter } from '../../src/route/create-router'
import type { Store } from '../../src/store/store'
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store'

export const testDestination: DestinationDefinition<any> = {
  name: 'Test Destination',
  slug: 'actions-test',
  mode: 'cloud',
  authentication: {
    scheme: 'custom',
    fields: {
      url: { label: 'URL', description: 'Where to send', type: 'string', required: true },
      apiKey: { label: 'API key', description: 'Key', type: 'password', required: true },
      region: { label: 'Region', description: 'Region', type: 'string' }
    }
  },
  actions: {
    send: {
      title: 'Send',
      description: 'Sends the event name',
      fields: { name: { label: 'Name', description: 'Event name', type: 'string', required: true } },
      perform: (request, { payload, settings }) => request(settings.url, { method: 'post', json: payload })
    }
  }
}

export const registry: DestinationRegistry = (() => {
  const entries: RegistryEntry[] = [{ id: 'a'.repeat(24), key: 'test', definition: testDestination }]
  return {
    find: (name) => entries.find((entry) => entry.id === name || entry.key === name || entry.definition.slug === name),
    list: () => entries
  }
})()

export function sampleConfig(): EngineConfig {
  return {
    sources: [{ name: 'web', writeKey: 'wk-web' }],
    destinations: [
      {
        name: 'main',
        destination: 'test',
        sources: ['web'],
        settings: { url: 'http://127.0.0.1:9/hook', apiKey: 'secret-key-1', region: 'eu' },
        subscriptions: [
          {
            name: 'Orders',
            enabled: true,
            subscribe: 'type = "track" and event = "Order Completed"',
            partnerAction: 'send',
            mapping: { name: { '@path': '$.event' } }
          }
        ]
      }
    ]
  }
}

export interface TestApp {
  url: string
  port: number
  store: Store
  metrics: PrometheusSink
  watcher: ConfigWatcher
  setState(state: EngineState): void
  close(): Promise<void>
}

export const ADMIN_TOKEN = 'test-admin-token'

/** The engine's app without a worker: ingest, admin, metrics, health over a temp SQLite store. */
export async function startTestApp(options: { store?: Store; dedupeWindowMs?: number } = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'delivery-http-'))
  const store = options.store ?? createSqliteStore(join(dir, 'engine.db'))
  await store.init()
  const config = validateConfig(sampleConfig(), registry)
  const version = await store.saveConfig(config, 'seed')
  let router = createRouter(config, registry)
  let sources = new Map(config.sources.map((source) => [source.writeKey, source.name]))
  const watcher = watchConfig({
    store,
    initial: { config, version },
    onChange(next) {
      router = createRouter(next, registry)
      sources = new Map(next.sources.map((source) => [source.writeKey, source.name]))
    },
    onError: () => undefined
  })
  const metrics = createPrometheusSink(store)
  let state: EngineState = 'ready'
  const logger = pino({ level: 'silent' })
  const app = createApp({
    ingest: {
      store,
      sourceForWriteKey: (key) => sources.get(key),
      router: () => router,
      metrics,
      dedupeWindowMs: options.dedupeWindowMs ?? 60_000,
      accepting: () => state === 'ready',
      logger
    },
    admin: {
      store,
      registry,
      adminToken: ADMIN_TOKEN,
      currentConfig: () => watcher.current(),
      afterChange: () => watcher.refresh()
    },
    metrics,
    state: () => state,
    hostPolicy: hostPolicy('127.0.0.1'),
    logger
  })
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening))
  })
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    store,
    metrics,
    watcher,
    setState: (next) => (state = next),
    async close() {
      watcher.stop()
      await new Promise((resolve) => {
        server.close(resolve)
        server.closeAllConnections()
      })
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

export function basic(writeKey: string): string {
  return 'Basic ' + Buffer.from(`${writeKey}:`).toString('base64')
}
