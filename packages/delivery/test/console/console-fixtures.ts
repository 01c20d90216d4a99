// A console over a real SQLite store, served on 127.0.0.1, with a small destination whose
// testAuthentication accepts one key, and a plain HTTP client that can send any Host header.
import { mkdtempSync, rmSync } from 'fs'
import http from 'http'
import type { AddressInfo } from 'net'
import { tmpdir } from 'os'
import { join } from 'path'
import express from 'express'
import type { DestinationDefinition } from '@action-destinations/core'
import type { DestinationRegistry } from '../../src/config/registry'
import type { EngineConfig } from '../../src/config/types'
import { createConsole, type Console } from '../../src/console/create-console'
import type { Store } from '../../src/store/store'
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store'
import type { IngestItem } from '../../src/store/types'

export const GOOD_KEY = 'key-5f2a9c1e7b'

const pinger: DestinationDefinition<{ apiKey: string; region?: string }> = {
  name: 'Pinger',
  slug: 'actions-pinger',
  mode: 'cloud',
  authentication: {
    scheme: 'custom',
    fields: {
      apiKey: { label: 'API key', type: 'password', required: true, description: 'The key' },
      region: { label: 'Region', type: 'string', description: 'Where' }
    },
    testAuthentication: (_request, { settings }) => {
      if (settings.apiKey !== GOOD_KEY) throw new Error(`The API key ${settings.apiKey} is not valid`)
    }
  },
  presets: [
    { name: 'Track calls', subscribe: 'type = "track"', partnerAction: 'ping', mapping: {}, type: 'automatic' }
  ],
  actions: {
    ping: {
      title: 'Ping',
      description: 'Sends one event',
      defaultSubscription: 'type = "track"',
      fields: {
        userId: { label: 'User', type: 'string', required: true, default: { '@path': '$.userId' } },
        event: { label: 'Event', type: 'string', default: { '@path': '$.event' } }
      },
      perform: () => undefined
    }
  }
}

export const registry: DestinationRegistry = {
  find: (name) => (name === 'pinger' || name === 'actions-pinger' ? registry.list()[0] : undefined),
  list: () => [{ id: '0123456789abcdef01234567', key: 'pinger', definition: pinger }]
}

export function baseConfig(): EngineConfig {
  return {
    sources: [{ name: 'web', writeKey: 'wk-secret-web' }],
    destinations: [
      {
        name: 'ping-prod',
        destination: 'pinger',
        enabled: true,
        sources: ['web'],
        settings: { apiKey: GOOD_KEY, region: 'eu' },
        subscriptions: [
          {
            id: 'tracks',
            name: 'Tracks',
            enabled: true,
            subscribe: 'type = "track"',
            partnerAction: 'ping',
            mapping: { userId: { '@path': '$.userId' }, event: { '@path': '$.event' } }
          }
        ]
      }
    ]
  }
}

let counter = 0

/** An event as ingest would store it, with a job for the `tracks` subscription when it is a track. */
export function item(type: string, name: string | undefined, receivedAt: number, userId = 'u1'): IngestItem {
  counter += 1
  const messageId = `m-${counter}-${type}`
  const body: Record<string, unknown> = { type, messageId, userId, receivedAt: new Date(receivedAt).toISOString() }
  if (type === 'track') body.event = name
  if (type === 'page') body.name = name
  return {
    source: 'web',
    messageId,
    receivedAt,
    type,
    ...(name === undefined ? {} : { name }),
    body: JSON.stringify(body),
    jobs: type === 'track' ? [{ instance: 'ping-prod', subscriptionId: 'tracks', action: 'ping', groupKey: '' }] : []
  }
}

export interface Harness {
  url: string
  port: number
  store: Store
  console: Console
  request(method: string, path: string, options?: { headers?: Record<string, string>; body?: unknown }): Promise<Answer>
  close(): Promise<void>
}

export interface Answer {
  status: number
  headers: http.IncomingHttpHeaders
  text: string
  json: any
}

export async function startHarness(
  options: { listenHost?: string; adminToken?: string; now?: () => number } = {}
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'console-test-'))
  const store = createSqliteStore(join(dir, 'engine.db'))
  await store.init()
  await store.saveConfig(baseConfig())
  const consoleApp = createConsole({
    store,
    registry,
    listenHost: options.listenHost ?? '127.0.0.1',
    adminToken: options.adminToken,
    now: options.now,
    pollMs: 50
  })
  const app = express()
  app.use(consoleApp.router)
  const server = http.createServer(app)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  const request: Harness['request'] = (method, path, { headers = {}, body } = {}) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          headers: {
            host: `127.0.0.1:${port}`,
            ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
            ...headers
          }
        },
        (res) => {
          let text = ''
          res.setEncoding('utf8')
          res.on('data', (chunk: string) => (text += chunk))
          res.on('end', () => {
            let json: unknown = undefined
            try {
              json = JSON.parse(text)
            } catch {
              // Not JSON (the page, an SSE stream).
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json })
          })
        }
      )
      req.setTimeout(5000, () => req.destroy(new Error(`${method} ${path} timed out`)))
      req.on('error', reject)
      req.end(payload)
    })
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    store,
    console: consoleApp,
    request,
    close: async () => {
      consoleApp.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
