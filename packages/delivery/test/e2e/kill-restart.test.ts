// Guarantee: at-least-once across kill -9. An engine process is killed while it delivers; a new
// one on the same SQLite file delivers (or dead-letters) every acknowledged event (also those
// acknowledged moments before the kill, while ingest was under way), and the only
// events that reach the API twice are ones whose request was in flight at the kill.
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store'
import { startFakeDestinationApi, type FakeDestinationApi } from '../helpers/fake-destination-api'
import { messageIdsOf, ReceptionCounter, WRITE_KEY, writeWebhookConfig } from '../helpers/e2e-config'
import { killAllEngineProcesses, startEngineProcess } from '../helpers/engine-process'
import { sendAll, trackEvents, waitFor } from '../helpers/ingest-client'

jest.setTimeout(180_000)

const EVENTS = 2_000
const WORKER = { leaseMs: 4_000, requestTimeoutMs: 2_000, lingerMs: 200, claimSize: 200 }

describe('kill -9 in the middle of delivering (SQLite)', () => {
  let dir: string
  let api: FakeDestinationApi

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'delivery-kill-'))
    api = await startFakeDestinationApi()
    // Slow answers keep requests in flight, so the kill lands in the middle of some.
    api.script('/hook', () => ({ delayMs: 25 }))
  })

  afterAll(async () => {
    await killAllEngineProcesses()
    await api?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('loses no acknowledged event and duplicates only those in flight', async () => {
    const config = writeWebhookConfig(dir, `${api.url}/hook`)
    const storeFile = join(dir, 'engine.db')
    const first = await startEngineProcess({ config, store: storeFile, worker: WORKER })
    const acknowledged = await sendAll(first.url, WRITE_KEY, trackEvents('kill', EVENTS))
    expect(acknowledged).toHaveLength(EVENTS)

    await waitFor('a few hundred deliveries before the kill', () => api.requests.length >= 300, 60_000)
    // Ingest goes on while the process dies: batches answered 200 before the kill must survive it.
    const late: string[] = []
    const sending = sendAll(first.url, WRITE_KEY, trackEvents('late', EVENTS), 20, late)
    await waitFor('some late batches acknowledged', () => late.length >= 200, 60_000)
    await first.kill9()
    const beforeKill = api.requests.slice()
    await sending
    acknowledged.push(...late)

    // What the store holds right after the kill: every acknowledged event, and which of the
    // events the API already saw were not yet recorded as delivered (their requests were in flight).
    const store = createSqliteStore(storeFile)
    const inFlight = new Set<string>()
    try {
      await store.init()
      for (const id of acknowledged) expect(await store.getEvent(id)).toBeDefined()
      for (const id of new Set(beforeKill.flatMap(messageIdsOf))) {
        const stored = await store.getEvent(id)
        if (stored?.jobs.some((job) => job.state === 'pending')) inFlight.add(id)
      }
    } finally {
      await store.close()
    }

    const second = await startEngineProcess({ config, store: storeFile, worker: WORKER })
    const counter = new ReceptionCounter(api.requests)
    await waitFor(
      'every acknowledged event to reach the API after the restart',
      () => counter.missing(acknowledged).length === 0,
      90_000,
      () => `${counter.missing(acknowledged).length} still missing; engine output:\n${second.output().slice(-3000)}`
    )
    expect(await second.stop()).toBe(0)

    const after = createSqliteStore(storeFile)
    try {
      await after.init()
      for (const id of acknowledged) {
        const states = (await after.getEvent(id))?.jobs.map((job) => job.state)
        expect([id, states]).toEqual([id, [expect.stringMatching(/^(delivered|dead)$/)]])
      }
    } finally {
      await after.close()
    }
    const duplicates = [...counter.update()].filter(([, count]) => count > 1)
    console.log(
      `kill -9: ${acknowledged.length} events acknowledged (${late.length} while ingest was under way), ${beforeKill.length} requests before the kill, ` +
        `${inFlight.size} in flight at the kill, ${duplicates.length} delivered twice ` +
        `(${duplicates.reduce((sum, [, count]) => sum + count - 1, 0)} extra requests)`
    )
    for (const [id] of duplicates)
      expect({ duplicate: id, wasInFlight: inFlight.has(id) }).toEqual({ duplicate: id, wasInFlight: true })
    expect(duplicates.length).toBeLessThanOrEqual(inFlight.size)
  })
})
