// Guarantee: several engine processes on one PostgreSQL database deliver each event once, and a
// second process adds throughput. The fake API answers slowly, so one process is bound by its
// per-instance concurrency; the rates are printed, not asserted (the machine is shared).
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { startFakeDestinationApi, type FakeDestinationApi } from '../helpers/fake-destination-api'
import { createPostgresStore } from '../../src/store/postgres/postgres-store'
import { messageIdsOf, ReceptionCounter, WRITE_KEY, writeWebhookConfig } from '../helpers/e2e-config'
import { killAllEngineProcesses, startEngineProcess, type EngineProcess } from '../helpers/engine-process'
import { sendAll, trackEvents, waitFor } from '../helpers/ingest-client'
import { createTestDatabase, type TestDatabase } from '../helpers/test-database'

jest.setTimeout(300_000)

// 100 ms answers and 4 requests at once per process: one process tops out near 40 events/s.
const ALONE = 200
const TOGETHER = 400
const WORKER = { leaseMs: 10_000, requestTimeoutMs: 5_000, lingerMs: 200, claimSize: 100 }

async function deliveredBy(engine: EngineProcess): Promise<number> {
  const text = await (await fetch(`${engine.url}/metrics`, { signal: AbortSignal.timeout(10_000) })).text()
  return text
    .split('\n')
    .filter((line) => line.startsWith('delivery_delivered_total{'))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0)
}

describe('two engine processes on one PostgreSQL database', () => {
  let dir: string
  let api: FakeDestinationApi
  let database: TestDatabase | undefined

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'delivery-two-'))
    api = await startFakeDestinationApi()
    api.script('/hook', () => ({ delayMs: 100 }))
    database = await createTestDatabase('e2e_two')
  })

  afterAll(async () => {
    await killAllEngineProcesses()
    await api?.close()
    await database?.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('delivers each event once, and both processes deliver', async () => {
    const store = (database as TestDatabase).url
    const config = writeWebhookConfig(dir, `${api.url}/hook`, { maxConcurrency: 4 })
    const counter = new ReceptionCounter(api.requests)
    const deliverAll = async (label: string, ids: string[]) =>
      waitFor(
        label,
        () => counter.missing(ids).length === 0,
        120_000,
        () => `${counter.missing(ids).length} missing`
      )

    const a = await startEngineProcess({ config, store, worker: WORKER })
    const alone = trackEvents('alone', ALONE)
    let started = Date.now()
    const aloneIds = await sendAll(a.url, WRITE_KEY, alone)
    await deliverAll('the first events, one process', aloneIds)
    const aloneRate = aloneIds.length / ((Date.now() - started) / 1000)

    const b = await startEngineProcess({ config, store, worker: WORKER })
    const aBefore = await deliveredBy(a)
    const together = trackEvents('together', TOGETHER)
    started = Date.now()
    const sent = await Promise.all([
      sendAll(a.url, WRITE_KEY, together.slice(0, TOGETHER / 2)),
      sendAll(b.url, WRITE_KEY, together.slice(TOGETHER / 2))
    ])
    const togetherIds = sent.flat()
    await deliverAll('the next events, two processes', togetherIds)
    const togetherRate = togetherIds.length / ((Date.now() - started) / 1000)

    expect(aloneIds).toHaveLength(ALONE)
    expect(togetherIds).toHaveLength(TOGETHER)
    // The API may have answered the last requests before their outcomes were counted.
    let byA = 0
    let byB = 0
    await waitFor(
      'the counters of both processes to add up',
      async () => {
        byA = (await deliveredBy(a)) - aBefore
        byB = await deliveredBy(b)
        return byA + byB >= TOGETHER
      },
      10_000,
      () => `A counted ${byA} and B ${byB} of ${TOGETHER}`
    )
    console.log(
      `two processes on PostgreSQL: one process ${Math.round(aloneRate)} events/s, two ${Math.round(togetherRate)} events/s ` +
        `(${(togetherRate / aloneRate).toFixed(2)}x); of the next ${TOGETHER}, A delivered ${byA} and B ${byB}`
    )
    expect(await a.stop()).toBe(0)
    expect(await b.stop()).toBe(0)
    // No process crashed, so nothing was in flight at a crash: every event reached the API exactly once.
    const twice = [...counter.update()].filter(([, count]) => count !== 1)
    expect(twice).toEqual([])
    expect(counter.counts.size).toBe(ALONE + TOGETHER)
    expect(byA).toBeGreaterThan(0)
    expect(byB).toBeGreaterThan(0)
  })

  it('lets the other process finish the work of one killed with -9, duplicating only what was in flight', async () => {
    const store = (database as TestDatabase).url
    const config = writeWebhookConfig(dir, `${api.url}/hook`, { maxConcurrency: 4 })
    const a = await startEngineProcess({ config, store, worker: WORKER })
    const b = await startEngineProcess({ config, store, worker: WORKER })
    const events = trackEvents('crash', TOGETHER)
    const sent = await Promise.all([
      sendAll(a.url, WRITE_KEY, events.slice(0, TOGETHER / 2)),
      sendAll(b.url, WRITE_KEY, events.slice(TOGETHER / 2))
    ])
    const acknowledged = sent.flat()
    expect(acknowledged).toHaveLength(TOGETHER)
    const isCrashEvent = (id: string) => id.startsWith('crash-')
    const crashReceptions = () => api.requests.flatMap(messageIdsOf).filter(isCrashEvent).length
    await waitFor('some deliveries before the kill', () => crashReceptions() >= 100, 60_000)
    await a.kill9()
    const beforeKill = new Set(api.requests.flatMap(messageIdsOf).filter(isCrashEvent))

    // Pending jobs of events the API already saw: requests in flight (A's, and B's at that moment).
    const inspector = createPostgresStore(store, { poolSize: 2 })
    const inFlight = new Set<string>()
    try {
      for (const id of beforeKill) {
        const stored = await inspector.getEvent(id)
        if (stored?.jobs.some((job) => job.state === 'pending')) inFlight.add(id)
      }
      const counter = new ReceptionCounter(api.requests)
      await waitFor(
        'every acknowledged event to reach the API through the surviving process',
        () => counter.missing(acknowledged).length === 0,
        90_000,
        () => `${counter.missing(acknowledged).length} missing`
      )
      expect(await b.stop()).toBe(0)
      for (const id of acknowledged) {
        const states = (await inspector.getEvent(id))?.jobs.map((job) => job.state)
        expect([id, states]).toEqual([id, [expect.stringMatching(/^(delivered|dead)$/)]])
      }
      const duplicates = [...counter.update()].filter(([id, count]) => isCrashEvent(id) && count > 1)
      console.log(
        `kill -9 of one of two processes on PostgreSQL: ${acknowledged.length} acknowledged, ${beforeKill.size} seen ` +
          `before the kill, ${inFlight.size} in flight, ${duplicates.length} delivered twice`
      )
      for (const [id] of duplicates) {
        expect({ duplicate: id, wasInFlight: inFlight.has(id) }).toEqual({ duplicate: id, wasInFlight: true })
      }
    } finally {
      await inspector.close()
    }
  })
})
