// Guarantee: at-least-once across kill -9. An engine process is killed while it delivers (and
// while more events are being ingested); a new one on the same SQLite file delivers (or
// dead-letters) every acknowledged event, and the only events the API accepts twice are ones
// whose request was in flight at the kill. The API also fails some requests with 500, so retries
// scheduled before the kill must survive it too. Run one by one and with batches.
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store'
import { startFakeDestinationApi, type FakeDestinationApi, type RecordedRequest } from '../helpers/fake-destination-api'
import { messageIdsOf, ReceptionCounter, WRITE_KEY, writeWebhookConfig } from '../helpers/e2e-config'
import { killAllEngineProcesses, startEngineProcess } from '../helpers/engine-process'
import { sendAll, trackEvents, waitFor } from '../helpers/ingest-client'

jest.setTimeout(180_000)

const EVENTS = 2_000
const WORKER = { leaseMs: 4_000, requestTimeoutMs: 2_000, lingerMs: 200, claimSize: 200, retry: { baseMs: 200 } }

describe.each([
  { mode: 'one by one', batchSize: undefined, killAfter: 300 },
  { mode: 'in batches of 50', batchSize: 50, killAfter: 8 }
])('kill -9 in the middle of delivering $mode (SQLite)', ({ batchSize, killAfter }) => {
  let dir: string
  let api: FakeDestinationApi
  const failed = new Set<RecordedRequest>()

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'delivery-kill-'))
    api = await startFakeDestinationApi()
    // Slow answers keep requests in flight, so the kill lands in the middle of some; every
    // seventh request fails with a 500 and is retried.
    api.script('/hook', (request, index) => {
      if (index % 7 !== 3) return { delayMs: 25 }
      failed.add(request)
      return { delayMs: 25, status: 500, body: { error: 'try again' } }
    })
  })

  afterAll(async () => {
    await killAllEngineProcesses()
    await api?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('loses no acknowledged event and duplicates only those in flight', async () => {
    const config = writeWebhookConfig(dir, `${api.url}/hook`, { batchSize })
    const storeFile = join(dir, 'engine.db')
    const delivered = (request: RecordedRequest) => !failed.has(request)
    const first = await startEngineProcess({ config, store: storeFile, worker: WORKER })
    const acknowledged = await sendAll(first.url, WRITE_KEY, trackEvents('kill', EVENTS))
    expect(acknowledged).toHaveLength(EVENTS)

    await waitFor('deliveries before the kill', () => api.requests.length >= killAfter, 60_000)
    // Ingest goes on while the process dies: batches answered 200 before the kill must survive it.
    const late: string[] = []
    const sending = sendAll(first.url, WRITE_KEY, trackEvents('late', EVENTS), 20, late)
    await waitFor('some late batches acknowledged', () => late.length >= 200, 60_000)
    await first.kill9()
    const beforeKill = api.requests.slice()
    await sending
    acknowledged.push(...late)

    // What the store holds right after the kill: every acknowledged event, and which of the events
    // the API had accepted were not yet recorded as delivered (their requests were in flight).
    const store = createSqliteStore(storeFile)
    const inFlight = new Set<string>()
    try {
      await store.init()
      for (const id of acknowledged) expect(await store.getEvent(id)).toBeDefined()
      for (const id of new Set(beforeKill.filter(delivered).flatMap(messageIdsOf))) {
        const stored = await store.getEvent(id)
        if (stored?.jobs.some((job) => job.state === 'pending')) inFlight.add(id)
      }
    } finally {
      await store.close()
    }

    const second = await startEngineProcess({ config, store: storeFile, worker: WORKER })
    const counter = new ReceptionCounter(api.requests, delivered)
    await waitFor(
      'every acknowledged event to be accepted by the API after the restart',
      () => counter.missing(acknowledged).length === 0,
      90_000,
      () => `${counter.missing(acknowledged).length} still missing; engine output:\n${second.output().slice(-3000)}`
    )
    // An event the API accepted while its job was still pending in the store (its request in
    // flight at the kill) is counted above already, but its job stays pending until the killed
    // process's lease runs out and it is sent again; the restarted process can finish everything
    // else before that, so wait until the store has an outcome for every acknowledged event.
    const unsettled = new Set(acknowledged)
    const reader = createSqliteStore(storeFile)
    try {
      await reader.init()
      await waitFor(
        'every acknowledged event to be delivered or dead in the store',
        async () => {
          for (const id of [...unsettled]) {
            const jobs = (await reader.getEvent(id))?.jobs ?? []
            if (jobs.length > 0 && jobs.every((job) => job.state !== 'pending')) unsettled.delete(id)
          }
          return unsettled.size === 0
        },
        90_000,
        () => `${unsettled.size} still pending, e.g. ${[...unsettled].slice(0, 3).join(', ')}`
      )
    } finally {
      await reader.close()
    }
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
      `kill -9 (${batchSize ? `batches of ${batchSize}` : 'one by one'}): ${acknowledged.length} events acknowledged ` +
        `(${late.length} while ingest was under way), ${beforeKill.length} requests before the kill, ` +
        `${failed.size} answered 500 in all, ${inFlight.size} events in flight at the kill, ` +
        `${duplicates.length} delivered twice`
    )
    for (const [id] of duplicates) {
      expect({ duplicate: id, wasInFlight: inFlight.has(id) }).toEqual({ duplicate: id, wasInFlight: true })
    }
    expect(duplicates.length).toBeLessThanOrEqual(inFlight.size)
  })
})
