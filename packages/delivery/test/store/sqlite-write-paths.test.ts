// The SQLite store's write paths for throughput: concurrent ingest calls sharing one transaction,
// and the WAL checkpointed from a worker thread instead of the event loop.
import { statSync } from 'fs'
import { IngestGroup, type IngestRequest } from '../../src/store/sqlite/ingest-group'
import { tempSqliteStore } from '../helpers/temp-stores'
import { event, receivedCounts } from './store-fixtures'

const HOUR = 60 * 60 * 1000
const none = () => []

function request(...messageIds: string[]): IngestRequest {
  return { items: messageIds.map((id) => event(id)), dedupeWindowMs: HOUR, countsFor: none }
}

describe('IngestGroup', () => {
  it('writes the calls of one turn of the event loop together, and later calls apart', async () => {
    const writes: string[][] = []
    const group = new IngestGroup((requests) => {
      writes.push(requests.map((r) => r.items[0].messageId))
      return requests.map((r) => r.items.map(() => true))
    })
    const first = [group.add(request('a')), group.add(request('b')), group.add(request('c', 'd'))]
    expect(await Promise.all(first)).toEqual([[true], [true], [true, true]])
    await group.add(request('e'))
    expect(writes).toEqual([['a', 'b', 'c'], ['e']])
  })

  it('retries each call alone when the shared write fails, so only the failing call rejects', async () => {
    const writes: number[] = []
    const group = new IngestGroup((requests) => {
      writes.push(requests.length)
      if (requests.some((r) => r.items[0].messageId === 'bad')) throw new Error('constraint failed')
      return requests.map((r) => r.items.map(() => true))
    })
    const results = await Promise.allSettled([
      group.add(request('ok-1')),
      group.add(request('bad')),
      group.add(request('ok-2'))
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('constraint failed'))
    expect(writes).toEqual([3, 1, 1, 1])
  })
})

describe('SQLite ingest of concurrent calls', () => {
  it('dedupes across calls committed together and keeps a failing call from losing the others', async () => {
    const temp = await tempSqliteStore()
    try {
      const { store } = temp
      const bad = event('broken')
      // A NOT NULL column without a value: SQLite refuses the row.
      ;(bad as unknown as { body: unknown }).body = null
      const calls = [
        store.ingest([event('m1'), event('m2')], HOUR, receivedCounts([event('m1'), event('m2')])),
        store.ingest([bad], HOUR, none),
        store.ingest([event('m2'), event('m3')], HOUR, none)
      ]
      const results = await Promise.allSettled(calls)
      expect(results[0]).toEqual({ status: 'fulfilled', value: { accepted: [true, true] } })
      expect(results[1].status).toBe('rejected')
      expect(results[2]).toEqual({ status: 'fulfilled', value: { accepted: [false, true] } })
      const stored = await store.recentEvents({ limit: 10 })
      expect(stored.map((summary) => summary.messageId).sort()).toEqual(['m1', 'm2', 'm3'])
    } finally {
      await temp.dispose()
    }
  })
})

describe('SQLite WAL checkpoints', () => {
  it('copies committed pages into the database file from the worker, well before the backstop', async () => {
    const temp = await tempSqliteStore()
    try {
      const before = statSync(temp.location).size
      const items = Array.from({ length: 2000 }, (_, i) => event(`wal-${i}`))
      await temp.store.ingest(items, HOUR, none)
      // About 2,000 events of ~150 bytes with their jobs and indexes: a few hundred pages, far
      // below the writer's own checkpoint threshold, so only the worker can have copied them.
      const deadline = Date.now() + 5000
      while (statSync(temp.location).size <= before + 100 * 4096 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      expect(statSync(temp.location).size).toBeGreaterThan(before + 100 * 4096)
    } finally {
      await temp.dispose()
    }
  })
})
