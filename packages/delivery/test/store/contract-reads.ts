// Contract: the console's reads (events, attempts, counts, queue depths) and prune.
import type { Store } from '../../src/store/store'
import type { AttemptRecord } from '../../src/store/types'
import type { HarnessAccess } from './store-contract'
import { event, job, T0 } from './store-fixtures'

const MINUTE = 60_000

function attempt(subscriptionId: string, at: number, messageId: string): AttemptRecord {
  return { instance: 'hook', subscriptionId, at, messageIds: [messageId], outcome: 'delivered', status: 200 }
}

async function deliverAll(store: Store, now: number, at: number): Promise<void> {
  const claimed = await store.claimJobs({ worker: 'w', limit: 1000, leaseMs: 1000, now, instances: ['hook'] })
  await store.settle(
    claimed.map((j) => ({ jobId: j.id, kind: 'delivered' as const, at })),
    [],
    []
  )
}

export function registerReadContract(h: HarnessAccess): void {
  describe('reads', () => {
    it('lists recent events newest first, filtered by source, type and name, paged by id', async () => {
      const { store } = h()
      await store.ingest(
        [
          event('t1', { name: 'Order Completed' }),
          event('p1', { type: 'page', name: 'Home' }),
          event('t2', { source: 'app', name: 'Order Completed' }),
          event('i1', { type: 'identify' })
        ],
        MINUTE,
        () => []
      )
      const all = await store.recentEvents({ limit: 10 })
      expect(all.map((e) => e.messageId)).toEqual(['i1', 't2', 'p1', 't1'])
      expect(all[3]).toEqual({
        id: all[3].id,
        source: 'web',
        messageId: 't1',
        receivedAt: T0,
        type: 'track',
        name: 'Order Completed'
      })
      expect(all[0].name).toBeUndefined()
      expect((await store.recentEvents({ limit: 10, source: 'app' })).map((e) => e.messageId)).toEqual(['t2'])
      expect((await store.recentEvents({ limit: 10, type: 'page' })).map((e) => e.messageId)).toEqual(['p1'])
      const orders = await store.recentEvents({ limit: 10, name: 'Order Completed', source: 'web' })
      expect(orders.map((e) => e.messageId)).toEqual(['t1'])
      const page1 = await store.recentEvents({ limit: 2 })
      const page2 = await store.recentEvents({ limit: 2, beforeId: page1[1].id })
      expect([...page1, ...page2].map((e) => e.messageId)).toEqual(['i1', 't2', 'p1', 't1'])
      expect(await store.recentEvents({ limit: 2, beforeId: 'garbage' })).toEqual([])
    })

    it('finds one event by store id or by messageId (the newest copy), with its jobs', async () => {
      const { store } = h()
      const jobs = [job({ subscriptionId: 's1' }), job({ subscriptionId: 's2', action: 'other' })]
      await store.ingest(
        [event('dup', { source: 'web', jobs }), event('dup', { source: 'app', receivedAt: T0 + 1 })],
        MINUTE,
        () => []
      )
      const byMessage = await store.getEvent('dup')
      expect(byMessage?.summary.source).toBe('app')
      const [older] = (await store.recentEvents({ limit: 10, source: 'web' })).map((e) => e.id)
      const byId = await store.getEvent(older)
      expect(byId?.summary).toMatchObject({ id: older, source: 'web', messageId: 'dup' })
      expect(JSON.parse(byId?.body ?? '{}').messageId).toBe('dup')
      expect(byId?.jobs.map((j) => [j.subscriptionId, j.action, j.state, j.attempts, j.dueAt])).toEqual([
        ['s1', 'send', 'pending', 0, T0],
        ['s2', 'other', 'pending', 0, T0]
      ])
      expect(await store.getEvent('missing')).toBeUndefined()
      expect(await store.getEvent('987654')).toBeUndefined()
    })

    it('lists attempts newest first, filtered and paged', async () => {
      const { store } = h()
      const records = [attempt('s1', T0, 'a'), attempt('s2', T0 + 1, 'b'), attempt('s1', T0 + 2, 'c')]
      await store.settle([], [], records)
      const all = await store.recentAttempts({ limit: 10 })
      expect(all.map((a) => a.messageIds[0])).toEqual(['c', 'b', 'a'])
      expect(all[2]).toEqual({ ...records[0], id: all[2].id })
      expect((await store.recentAttempts({ limit: 10, subscriptionId: 's1' })).map((a) => a.messageIds[0])).toEqual([
        'c',
        'a'
      ])
      expect(await store.recentAttempts({ limit: 10, instance: 'other' })).toEqual([])
      const next = await store.recentAttempts({ limit: 10, beforeId: all[1].id })
      expect(next.map((a) => a.messageIds[0])).toEqual(['a'])
    })

    it('sums counters per minute bucket of the store clock and filters them', async () => {
      const { store, clock } = h()
      const delta = (subscriptionId: string, count: number) => ({
        instance: 'hook',
        subscriptionId,
        metric: 'delivered' as const,
        count
      })
      clock.set(T0 + 10)
      await store.settle([], [delta('s1', 2), delta('s1', 3), delta('s2', 1)], [])
      clock.set(T0 + 59_999)
      await store.settle([], [delta('s1', 4)], [])
      clock.set(T0 + MINUTE + 1)
      await store.settle([], [delta('s1', 1)], [])
      const rows = await store.counts({ since: T0, instance: 'hook', subscriptionId: 's1' })
      expect(rows.map((r) => [r.minute, r.count])).toEqual([
        [T0, 9],
        [T0 + MINUTE, 1]
      ])
      expect(rows[0]).toEqual({
        minute: T0,
        instance: 'hook',
        subscriptionId: 's1',
        metric: 'delivered',
        code: '',
        count: 9
      })
      expect((await store.counts({ since: T0 + 1 })).map((r) => [r.subscriptionId, r.count])).toEqual([['s1', 1]])
      expect(await store.counts({ since: 0, instance: 'other' })).toEqual([])
    })
  })

  describe('prune', () => {
    it('deletes delivered events and old attempts and counters, and keeps what is still owed', async () => {
      const { store, clock } = h()
      clock.set(T0)
      await store.ingest(
        [event('old-done'), event('old-dead'), event('old-pending', { jobs: [job({ instance: 'slow' })] })],
        MINUTE,
        () => []
      )
      await store.ingest([event('new-done', { receivedAt: T0 + 10 * MINUTE })], 30 * MINUTE, () => [])
      const claimed = await store.claimJobs({ worker: 'w', limit: 10, leaseMs: 1000, now: T0, instances: ['hook'] })
      await store.settle(
        [
          { jobId: claimed[0].id, kind: 'delivered', at: T0 + 5 },
          { jobId: claimed[1].id, kind: 'dead', at: T0 + 5, error: { code: 'BAD_REQUEST', message: 'no' } }
        ],
        [{ instance: 'hook', subscriptionId: 'sub-a', metric: 'delivered', count: 1 }],
        [attempt('sub-a', T0 + 5, 'old-done')]
      )
      await deliverAll(store, T0 + 10 * MINUTE, T0 + 10 * MINUTE + 5)
      clock.set(T0 + 20 * MINUTE)
      await store.settle([], [], [attempt('sub-a', T0 + 20 * MINUTE, 'new-done')])
      await store.prune(T0 + 5 * MINUTE)
      const left = (await store.recentEvents({ limit: 10 })).map((e) => e.messageId)
      expect(left).toEqual(['new-done', 'old-pending', 'old-dead'])
      expect(await store.listDeadLetters({ limit: 10 })).toHaveLength(1)
      expect((await store.recentAttempts({ limit: 10 })).map((a) => a.messageIds[0])).toEqual(['new-done'])
      expect(await store.counts({ since: 0 })).toEqual([])
      // Dedupe entries past their window are gone; one still in its window keeps dropping copies.
      const again = await store.ingest(
        [event('old-done', { receivedAt: T0 + 20 * MINUTE }), event('new-done', { receivedAt: T0 + 10 * MINUTE + 1 })],
        MINUTE,
        () => []
      )
      expect(again.accepted).toEqual([true, false])
    })

    it('keeps only the newest attempts of each subscription', async () => {
      const { store } = await h.withOptions({ attemptsPerSubscription: 3 })
      const records = Array.from({ length: 10 }, (_, i) => attempt(i % 2 === 0 ? 's1' : 's2', T0 + i, `m${i}`))
      await store.settle([], [], records)
      await store.prune(T0)
      const kept = await store.recentAttempts({ limit: 20 })
      expect(kept.map((a) => a.messageIds[0])).toEqual(['m9', 'm8', 'm7', 'm6', 'm5', 'm4'])
    })
  })
}
