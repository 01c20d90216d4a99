// Measures the stores' ingest and claim+settle throughput (a script, not a test):
//   npx tsx packages/delivery/test/store/measure-throughput.ts [events] [--postgres]
// SQLite runs with synchronous NORMAL and FULL; --postgres also runs PostgreSQL on a throw-away
// cluster (fsync off, so its figures are an upper bound). Figures go into the package README.
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import type { Store } from '../../src/store/store'
import type { IngestItem, JobOutcome } from '../../src/store/types'
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store'
import { createPostgresStore } from '../../src/store/postgres/postgres-store'
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startCluster, stopCluster } = require('../helpers/postgres-cluster')

const total = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 200_000)

function makeItems(offset: number, count: number, now: number): IngestItem[] {
  return Array.from({ length: count }, (_, i) => {
    const messageId = `msg-${offset + i}-${Math.random().toString(36).slice(2, 10)}`
    const body = JSON.stringify({
      type: 'track',
      event: 'Order Completed',
      messageId,
      userId: `user-${(offset + i) % 5000}`,
      properties: { orderId: `o-${offset + i}`, revenue: 42.5, currency: 'USD', products: [{ sku: 'a', qty: 1 }] },
      context: { library: { name: 'analytics-node', version: '3.1.0' }, ip: '127.0.0.1' },
      receivedAt: new Date(now).toISOString()
    })
    return {
      source: 'web',
      messageId,
      receivedAt: now,
      type: 'track',
      name: 'Order Completed',
      body,
      jobs: [{ instance: 'hook', subscriptionId: 'orders', action: 'send', groupKey: '' }]
    }
  })
}

interface Rate {
  wall: number
  /** Per CPU second of this process (SQLite works in-process; PostgreSQL's server is not counted). */
  cpu: number
}

function rate(count: number, started: bigint, cpu: NodeJS.CpuUsage): Rate {
  const used = process.cpuUsage(cpu)
  return {
    wall: Math.round(count / (Number(process.hrtime.bigint() - started) / 1e9)),
    cpu: Math.round(count / ((used.user + used.system) / 1e6))
  }
}

async function measureIngest(store: Store, requestSize: number, concurrency: number): Promise<Rate> {
  const requests = Math.ceil(total / requestSize)
  const batches = Array.from({ length: requests }, (_, r) => makeItems(r * requestSize, requestSize, Date.now()))
  const started = process.hrtime.bigint()
  const cpu = process.cpuUsage()
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < batches.length) {
        const items = batches[next++]
        await store.ingest(items, 86_400_000, (accepted) => [
          { instance: 'hook', subscriptionId: 'orders', metric: 'received', count: accepted.filter(Boolean).length }
        ])
      }
    })
  )
  return rate(requests * requestSize, started, cpu)
}

async function measureClaimSettle(store: Store, claimSize: number, workers: number): Promise<Rate> {
  let done = 0
  const started = process.hrtime.bigint()
  const cpu = process.cpuUsage()
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (;;) {
        const now = Date.now()
        const jobs = await store.claimJobs({ worker: `w${w}`, limit: claimSize, leaseMs: 60_000, now })
        if (jobs.length === 0) return
        const outcomes: JobOutcome[] = jobs.map((job) => ({ jobId: job.id, kind: 'delivered', at: now }))
        const attempt = { instance: 'hook', subscriptionId: 'orders', at: now, outcome: 'delivered' as const }
        await store.settle(
          outcomes,
          [{ instance: 'hook', subscriptionId: 'orders', metric: 'delivered', count: jobs.length }],
          [{ ...attempt, messageIds: jobs.slice(0, 50).map((job) => job.messageId), status: 200 }]
        )
        done += jobs.length
      }
    })
  )
  return rate(done, started, cpu)
}

async function report(label: string, open: () => Promise<{ store: Store; dispose: () => Promise<void> }>) {
  for (const requestSize of [100, 500]) {
    const { store, dispose } = await open()
    try {
      const ingest = await measureIngest(store, requestSize, 8)
      const settle = await measureClaimSettle(store, 500, 2)
      console.log(
        `${label}: ${total} events, requests of ${requestSize}: ingest ${ingest.wall}/s (${ingest.cpu}/CPU-s), ` +
          `claim+settle (claims of 500) ${settle.wall}/s (${settle.cpu}/CPU-s)`
      )
    } finally {
      await dispose()
    }
  }
}

async function main(): Promise<void> {
  for (const synchronous of ['normal', 'full'] as const) {
    await report(`SQLite synchronous=${synchronous}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'delivery-measure-'))
      const store = createSqliteStore(join(dir, 'engine.db'), { synchronous })
      await store.init()
      return { store, dispose: async () => (await store.close(), rmSync(dir, { recursive: true, force: true })) }
    })
  }
  if (process.argv.includes('--postgres')) {
    const cluster = await startCluster()
    try {
      let n = 0
      await report('PostgreSQL (fsync off)', async () => {
        const store = createPostgresStore(cluster.url, { schema: `measure_${n++}` })
        await store.init()
        return { store, dispose: () => store.close() }
      })
    } finally {
      stopCluster(cluster)
    }
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
