// A worker over a real SQLite store, a fake destination API on 127.0.0.1 and a configuration the
// test gives; events go in through the store's ingest with the router's jobs, as the engine does.
import { randomUUID } from 'crypto'
import pino from 'pino'
import type { DestinationRegistry } from '../../src/config/registry'
import type { EngineConfig } from '../../src/config/types'
import { createDeliveryWorker } from '../../src/deliver/create-worker'
import type { DeliveryWorkerOptions } from '../../src/deliver/create-worker'
import type { DeliveryWorker } from '../../src/deliver/types'
import type { MetricsSink } from '../../src/metrics/sink'
import { createRouter } from '../../src/route/create-router'
import type { CountDelta, CountMetric, IngestItem, JobState } from '../../src/store/types'
import { startFakeDestinationApi } from '../helpers/fake-destination-api'
import type { FakeDestinationApi } from '../helpers/fake-destination-api'
import { tempPostgresStore, tempSqliteStore } from '../helpers/temp-stores'
import type { TempStore } from '../helpers/temp-stores'

export class RecordingSink implements MetricsSink {
  readonly deltas: CountDelta[] = []
  readonly latencies: number[] = []
  count(deltas: CountDelta[]): void {
    for (const delta of deltas) this.deltas.push({ ...delta })
  }
  observeDeliveryLatency(_instance: string, _subscriptionId: string, seconds: number): void {
    this.latencies.push(seconds)
  }
  total(metric: CountMetric, code?: string): number {
    return this.deltas
      .filter((delta) => delta.metric === metric && (code === undefined || delta.code === code))
      .reduce((sum, delta) => sum + delta.count, 0)
  }
}

export interface WorkerFixture {
  api: FakeDestinationApi
  temp: TempStore
  sink: RecordingSink
  config: EngineConfig
  /** What the worker's currentConfig() answers from now on (a new object, as the engine gives). */
  setConfig(next: EngineConfig): void
  worker: DeliveryWorker
  /** Stores events from source "web" with their routed jobs; returns their messageIds. */
  ingest(events: Record<string, unknown>[], receivedAt?: number): Promise<string[]>
  jobsOf(messageId: string): Promise<JobState[]>
  /** Polls until `check` is true (at most `ms`). */
  until(check: () => Promise<boolean> | boolean, ms?: number): Promise<void>
  close(): Promise<void>
}

export async function startWorkerFixture(
  makeConfig: (apiUrl: string) => EngineConfig,
  registry: DestinationRegistry,
  options: Partial<DeliveryWorkerOptions> = {},
  storeKind: 'sqlite' | 'postgres' = 'sqlite'
): Promise<WorkerFixture> {
  const api = await startFakeDestinationApi()
  const temp = storeKind === 'postgres' ? await tempPostgresStore() : await tempSqliteStore()
  const config = makeConfig(api.url)
  let current = config
  await temp.store.saveConfig(config)
  const sink = new RecordingSink()
  const router = createRouter(config, registry)
  const worker = createDeliveryWorker({
    store: temp.store,
    registry,
    metrics: sink,
    logger: pino({ level: 'silent' }),
    currentConfig: () => current,
    workerId: `test-${process.pid}`,
    lingerMs: 200,
    pollMs: 10,
    retry: { baseMs: 20, capMs: 50 },
    requestTimeoutMs: 2000,
    ...options
  })

  const fixture: WorkerFixture = {
    api,
    temp,
    sink,
    config,
    setConfig: (next) => {
      current = next
    },
    worker,
    async ingest(events, receivedAt = Date.now()) {
      const items: IngestItem[] = events.map((event) => {
        const messageId = (event.messageId as string | undefined) ?? randomUUID()
        const stamped = { ...event, messageId, receivedAt: new Date(receivedAt).toISOString() }
        return {
          source: 'web',
          messageId,
          receivedAt,
          type: String(event.type),
          body: JSON.stringify(stamped),
          jobs: router.route('web', stamped).jobs
        }
      })
      await temp.store.ingest(items, 60_000, () => [])
      return items.map((item) => item.messageId)
    },
    async jobsOf(messageId) {
      return (await temp.store.getEvent(messageId))?.jobs ?? []
    },
    async until(check, ms = 5000) {
      const deadline = Date.now() + ms
      while (!(await check())) {
        if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`)
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
    },
    async close() {
      await worker.stop(1000)
      await api.close()
      await temp.dispose()
    }
  }
  return fixture
}
