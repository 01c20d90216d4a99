// The delivery engine with its console for browser tests and screenshots: the Webhook destination
// of packages/destination-actions, a fake partner API on 127.0.0.1 that fails on demand, a
// temporary SQLite store, and short retry waits so retries show within seconds.
import fs from 'fs'
import http from 'http'
import type { AddressInfo } from 'net'
import os from 'os'
import path from 'path'
import {
  createConsole,
  createLogger,
  startEngine,
  type DestinationRegistry,
  type RunningEngine
} from '@action-destinations/delivery'
import { manifest } from '@action-destinations/destination-actions'

export const WRITE_KEY = 'console-e2e-write-key'

export interface PartnerApi {
  url: string
  /** 'fail' answers 500 to everything; 'ok' answers 200. */
  mode: 'fail' | 'ok'
  received: Array<{ path: string; body: string; status: number }>
  close(): Promise<void>
}

export async function startPartnerApi(): Promise<PartnerApi> {
  const api: PartnerApi = { url: '', mode: 'ok', received: [], close: async () => undefined }
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      const status = api.mode === 'fail' ? 500 : 200
      api.received.push({ path: req.url ?? '', body, status })
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(status === 200 ? { ok: true } : { error: 'partner API is down' }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  api.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return api
}

function webhookRegistry(): DestinationRegistry {
  const entries = Object.entries(manifest).map(([id, entry]) => ({
    id,
    key: entry.directory,
    definition: entry.definition
  }))
  return {
    find: (name) => entries.find((entry) => entry.id === name || entry.definition.slug === name || entry.key === name),
    list: () => entries
  }
}

export interface ConsoleEngine {
  url: string
  engine: RunningEngine
  close(): Promise<void>
}

/** Orders (delivered to the partner API) and Signups (its url mapped from a missing property: fails validation). */
export async function startConsoleEngine(apiUrl: string, staticDir: string): Promise<ConsoleEngine> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-e2e-'))
  let closeConsole = (): void => undefined
  const engine = await startEngine({
    config: {
      sources: [{ name: 'website', writeKey: WRITE_KEY }],
      destinations: [
        {
          name: 'partner-webhook',
          destination: 'webhook',
          sources: ['website'],
          settings: { sharedSecret: 'console-e2e-shared-secret' },
          subscriptions: [
            {
              id: 'orders',
              name: 'Orders',
              enabled: true,
              subscribe: 'type = "track" and event = "Order Completed"',
              partnerAction: 'send',
              mapping: { url: `${apiUrl}/orders`, method: 'POST', data: { '@path': '$.' } }
            },
            {
              id: 'signups',
              name: 'Signups',
              enabled: true,
              subscribe: 'type = "track" and event = "Signed Up"',
              partnerAction: 'send',
              mapping: { url: { '@path': '$.properties.callbackUrl' }, method: 'POST', data: { '@path': '$.' } }
            }
          ]
        }
      ]
    },
    registry: webhookRegistry(),
    store: path.join(dir, 'engine.db'),
    port: 0,
    configPollMs: 100,
    worker: { lingerMs: 100, pollMs: 50, successSampleMs: 1, retry: { baseMs: 300, capMs: 800 } },
    stopDeadlineMs: 2000,
    logger: createLogger({ level: 'silent' }),
    mount: (app, { store, registry }) => {
      const consoleApp = createConsole({ store, registry, listenHost: '127.0.0.1', staticDir, pollMs: 200 })
      closeConsole = consoleApp.close
      app.use(consoleApp.router)
    }
  })
  return {
    url: engine.url,
    engine,
    close: async () => {
      closeConsole()
      await engine.stop()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
}
