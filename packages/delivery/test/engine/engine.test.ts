import { Analytics } from '@segment/analytics-node'
import { mkdtempSync, rmSync, writeFileSync } from 'fs'
import { createServer, type Server } from 'http'
import type { AddressInfo } from 'net'
import { tmpdir } from 'os'
import { join } from 'path'
import { Writable } from 'stream'
import pino from 'pino'
import { startEngine, type RunningEngine } from '../../src/engine'
import { createLogger } from '../../src/log'
import { registry, sampleConfig, testDestination } from '../http/fixture'

interface FakeApi {
  url: string
  bodies: unknown[]
  close(): Promise<void>
}

/** The destination's API on 127.0.0.1: records JSON bodies, answers 200. */
async function startFakeApi(): Promise<FakeApi> {
  const bodies: unknown[] = []
  const server: Server = createServer((req, res) => {
    let text = ''
    req.on('data', (chunk) => (text += chunk))
    req.on('end', () => {
      bodies.push(JSON.parse(text))
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"ok":true}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bodies,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

async function until(check: () => boolean, timeoutMs: number, refresh?: () => Promise<void>): Promise<void> {
  const started = Date.now()
  await refresh?.()
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 25))
    await refresh?.()
  }
}

function configFor(apiUrl: string) {
  const config = sampleConfig()
  config.destinations[0].settings = { url: `${apiUrl}/hook`, apiKey: 'super-secret-api-key' }
  return config
}

describe('startEngine', () => {
  let dir: string
  let api: FakeApi
  let engine: RunningEngine | undefined

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'delivery-engine-'))
    api = await startFakeApi()
  })
  afterEach(async () => {
    await engine?.stop()
    engine = undefined
    await api.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('takes events from @segment/analytics-node and delivers the matching ones, then stops cleanly', async () => {
    engine = await startEngine({
      config: configFor(api.url),
      registry,
      store: join(dir, 'engine.db'),
      port: 0,
      adminToken: 'token',
      logger: pino({ level: 'silent' }),
      worker: { lingerMs: 50, pollMs: 20 }
    })
    expect(engine.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect((await fetch(`${engine.url}/health`)).status).toBe(200)

    const analytics = new Analytics({
      writeKey: 'wk-web',
      host: engine.url,
      flushAt: 3,
      flushInterval: 100,
      maxRetries: 1
    })
    const failures: unknown[] = []
    analytics.on('error', (error) => failures.push(error))
    for (let i = 0; i < 5; i++) analytics.track({ userId: `u${i}`, event: 'Order Completed', messageId: `order-${i}` })
    analytics.track({ userId: 'u9', event: 'Page Viewed' })
    analytics.identify({ userId: 'u9', traits: { plan: 'pro' } })
    await analytics.closeAndFlush({ timeout: 10_000 })
    expect(failures).toEqual([])

    await until(() => api.bodies.length >= 5, 10_000)
    expect(api.bodies).toHaveLength(5)
    expect(api.bodies.map((body) => (body as { name: string }).name)).toEqual(Array(5).fill('Order Completed'))
    const events = await engine.store.recentEvents({ limit: 20 })
    expect(events).toHaveLength(7)

    const id = engine.config().destinations[0].subscriptions[0].id
    const delivered = `delivery_delivered_total{instance="main",subscription="${id}",code=""} 5`
    let metrics = ''
    const url = engine.url
    // Outcomes are counted when the worker settles them, shortly after the API answered.
    await until(
      () => metrics.includes(delivered),
      5000,
      async () => {
        metrics = await (await fetch(`${url}/metrics`)).text()
      }
    )
    expect(metrics).toContain(`delivery_filtered_no_match_total{instance="main",subscription="${id}",code=""} 2`)

    const running = engine
    const stopping = running.stop()
    engine = undefined
    await stopping
    await expect(fetch(`${running.url}/health`)).rejects.toThrow()
  }, 30_000)

  it('flushes a partial batch when it stops', async () => {
    const batching = {
      ...testDestination,
      actions: {
        send: {
          ...testDestination.actions.send,
          fields: {
            ...testDestination.actions.send.fields,
            enable_batching: { label: 'Batch', description: 'Batch', type: 'boolean', default: false },
            batch_size: { label: 'Size', description: 'Size', type: 'number', default: 100 }
          },
          performBatch: (request: any, { payload, settings }: any) =>
            request(settings.url, { method: 'post', json: payload })
        }
      }
    } as typeof testDestination
    const entries = [{ id: 'c'.repeat(24), key: 'test', definition: batching }]
    const config = configFor(api.url)
    config.destinations[0].subscriptions[0].mapping = {
      name: { '@path': '$.event' },
      enable_batching: true,
      batch_size: 100
    }
    engine = await startEngine({
      config,
      registry: { find: (name) => entries.find((entry) => entry.key === name), list: () => entries },
      store: join(dir, 'engine.db'),
      port: 0,
      adminToken: 'token',
      logger: pino({ level: 'silent' }),
      // Only the stop can flush: the batch is neither full nor old enough.
      worker: { lingerMs: 60_000, pollMs: 20 }
    })
    const response = await fetch(`${engine.url}/v1/batch`, {
      method: 'POST',
      headers: { authorization: 'Basic ' + Buffer.from('wk-web:').toString('base64') },
      body: JSON.stringify({
        batch: [1, 2, 3].map((i) => ({ type: 'track', userId: `u${i}`, event: 'Order Completed' }))
      })
    })
    expect(response.status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(api.bodies).toHaveLength(0)
    await engine.stop()
    engine = undefined
    // One request carrying the three events.
    expect(api.bodies).toEqual([Array(3).fill(expect.objectContaining({ name: 'Order Completed' }))])
  }, 30_000)

  it('keeps admin changes across a restart on the same file, and applies an edited file', async () => {
    const file = join(dir, 'engine.json')
    writeFileSync(file, JSON.stringify(configFor(api.url)))
    const options = {
      config: file,
      registry,
      store: join(dir, 'engine.db'),
      port: 0,
      adminToken: 't',
      deliver: false,
      logger: pino({ level: 'silent' })
    }
    engine = await startEngine(options)
    expect(engine.seeded).toBe(true)
    const put = await fetch(`${engine.url}/admin/destinations/main`, {
      method: 'PUT',
      headers: { authorization: 'Bearer t' },
      body: JSON.stringify({
        ...engine.config().destinations[0],
        settings: { url: `${api.url}/v2`, apiKey: '********' }
      })
    })
    expect(put.status).toBe(200)
    await engine.stop()
    engine = await startEngine(options)
    expect(engine.seeded).toBe(false)
    expect(engine.config().destinations[0].settings).toEqual({ url: `${api.url}/v2`, apiKey: 'super-secret-api-key' })
    await engine.stop()
    const edited = configFor(api.url)
    edited.sources[0].writeKey = 'wk-rotated'
    writeFileSync(file, JSON.stringify(edited))
    engine = await startEngine(options)
    expect(engine.seeded).toBe(true)
    expect(engine.config().sources[0].writeKey).toBe('wk-rotated')
  }, 30_000)

  it('refuses an invalid configuration before opening anything', async () => {
    const config = configFor(api.url)
    config.destinations[0].subscriptions[0].partnerAction = 'nope'
    await expect(
      startEngine({ config, registry, store: join(dir, 'engine.db'), port: 0, logger: pino({ level: 'silent' }) })
    ).rejects.toThrow(
      'destinations[0].subscriptions[0].partnerAction: unknown action "nope" of test (choose one of: send)'
    )
  })
})

describe('createLogger', () => {
  it('redacts settings, Authorization headers and tokens', () => {
    const lines: string[] = []
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk))
        done()
      }
    })
    const logger = createLogger({ level: 'info', destination: sink })
    logger.info(
      { settings: { apiKey: 'k-123' }, req: { headers: { authorization: 'Basic abc' } }, adminToken: 'tok-9' },
      'x'
    )
    logger.info({ instance: { name: 'main', settings: { apiKey: 'k-456' } } }, 'y')
    const text = lines.join('')
    expect(text).not.toMatch(/k-123|k-456|Basic abc|tok-9/)
    expect(text).toContain('********')
    expect(text).toContain('"name":"main"')
  })
})
