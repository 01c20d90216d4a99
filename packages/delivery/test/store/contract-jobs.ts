// Contract: claims and leases, settle outcomes, release, dead letters and replay.
import type { Store } from '../../src/store/store'
import type { AttemptRecord, JobError } from '../../src/store/types'
import type { HarnessAccess } from './store-contract'
import { event, job, T0 } from './store-fixtures'

const LEASE = 30_000
const boom: JobError = { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'boom' }
const bad: JobError = { status: 400, code: 'BAD_REQUEST', message: 'bad' }

async function seed(store: Store, count: number, spacing = 1): Promise<void> {
  const items = Array.from({ length: count }, (_, i) => event(`m${i}`, { receivedAt: T0 + i * spacing }))
  await store.ingest(items, 60_000, () => [])
}

function claim(store: Store, now: number, limit = 100, worker = 'w1', instances?: string[]) {
  return store.claimJobs({ worker, limit, leaseMs: LEASE, now, ...(instances ? { instances } : {}) })
}

export function registerJobContract(h: HarnessAccess): void {
  describe('claims', () => {
    it('hands out due jobs oldest first with their event, and not again while leased', async () => {
      const { store } = h()
      await store.ingest([event('late', { receivedAt: T0 + 5 }), event('early', { receivedAt: T0 })], 60_000, () => [])
      const claimed = await claim(store, T0 + 10)
      expect(claimed.map((j) => j.messageId)).toEqual(['early', 'late'])
      expect(claimed[0]).toMatchObject({
        instance: 'hook',
        subscriptionId: 'sub-a',
        action: 'send',
        groupKey: '',
        source: 'web',
        receivedAt: T0,
        retryFrom: T0,
        attempts: 0,
        leaseUntil: T0 + 10 + LEASE
      })
      expect(JSON.parse(claimed[0].body).messageId).toBe('early')
      expect(await claim(store, T0 + 11, 100, 'w2')).toEqual([])
    })

    it('does not hand out jobs that are not due yet', async () => {
      const { store } = h()
      await store.ingest([event('future', { receivedAt: T0 + 1000 })], 60_000, () => [])
      expect(await claim(store, T0 + 999)).toEqual([])
      expect(await claim(store, T0 + 1000)).toHaveLength(1)
    })

    it('makes a job claimable again once its lease expired', async () => {
      const { store } = h()
      await seed(store, 1)
      const [first] = await claim(store, T0, 10, 'w1')
      expect(await claim(store, T0 + LEASE - 1, 10, 'w2')).toEqual([])
      const [again] = await claim(store, T0 + LEASE, 10, 'w2')
      expect(again.id).toBe(first.id)
      expect(again.attempts).toBe(0)
    })

    it('respects the limit and the instance filter', async () => {
      const { store } = h()
      const items = [
        event('a1', { jobs: [job({ instance: 'a' })] }),
        event('b1', { jobs: [job({ instance: 'b' })] }),
        event('a2', { jobs: [job({ instance: 'a' })] })
      ]
      await store.ingest(items, 60_000, () => [])
      expect(await claim(store, T0, 10, 'w1', [])).toEqual([])
      expect((await claim(store, T0, 1, 'w1', ['a'])).map((j) => j.messageId)).toEqual(['a1'])
      expect((await claim(store, T0, 10, 'w1', ['b', 'zzz'])).map((j) => j.messageId)).toEqual(['b1'])
      expect((await claim(store, T0, 10)).map((j) => j.messageId)).toEqual(['a2'])
    })

    it('rejects claim options that make no sense, naming them', async () => {
      const { store } = h()
      await expect(store.claimJobs({ worker: '', limit: -1, leaseMs: 0, now: NaN })).rejects.toThrow(
        'claimJobs: worker must be a non-empty string; limit must be an integer >= 0; leaseMs must be a number > 0; ' +
          'now must be a finite time in epoch milliseconds'
      )
    })

    it('never gives the same job to two claimers working at once', async () => {
      const { store, openAnother } = h()
      const other = await openAnother()
      try {
        await seed(store, 300)
        const claimers = [store, other].map(async (claimer, n) => {
          const ids: string[] = []
          for (;;) {
            const batch = await claim(claimer, T0 + 1000, 7, `w${n}`)
            if (batch.length === 0) return ids
            ids.push(...batch.map((j) => j.id))
          }
        })
        const [mine, theirs] = await Promise.all(claimers)
        const all = [...mine, ...theirs]
        expect(new Set(all).size).toBe(all.length)
        expect(all).toHaveLength(300)
      } finally {
        await other.close()
      }
    })
  })

  describe('settle and release', () => {
    it('records delivered, retry and dead outcomes with counts and attempts in one call', async () => {
      const { store } = h()
      await seed(store, 3)
      const [a, b, c] = await claim(store, T0 + 5)
      const attempt: AttemptRecord = {
        instance: 'hook',
        subscriptionId: 'sub-a',
        at: T0 + 6,
        messageIds: ['m0', 'm1', 'm2'],
        outcome: 'retry',
        status: 500,
        error: boom,
        durationMs: 12,
        request: {
          method: 'POST',
          url: 'https://example.test/a',
          headers: { authorization: '[redacted]' },
          body: '[]'
        },
        response: { status: 500, headers: {}, body: 'oops' },
        nextRetryAt: T0 + 1000
      }
      await store.settle(
        [
          { jobId: a.id, kind: 'delivered', at: T0 + 6 },
          { jobId: b.id, kind: 'retry', dueAt: T0 + 1000, error: boom },
          { jobId: c.id, kind: 'dead', at: T0 + 6, error: bad }
        ],
        [
          { instance: 'hook', subscriptionId: 'sub-a', metric: 'delivered', count: 1 },
          { instance: 'hook', subscriptionId: 'sub-a', metric: 'failed', code: 'BAD_REQUEST', count: 1 }
        ],
        [attempt]
      )
      const jobsOf = async (messageId: string) => (await store.getEvent(messageId))?.jobs[0]
      expect(await jobsOf('m0')).toMatchObject({ state: 'delivered', attempts: 1 })
      expect(await jobsOf('m1')).toEqual({
        jobId: b.id,
        instance: 'hook',
        subscriptionId: 'sub-a',
        action: 'send',
        state: 'pending',
        attempts: 1,
        dueAt: T0 + 1000,
        lastError: boom
      })
      expect(await jobsOf('m2')).toMatchObject({ state: 'dead', attempts: 1, lastError: bad })
      expect(await claim(store, T0 + 999)).toEqual([])
      const retried = await claim(store, T0 + 1000)
      expect(retried.map((j) => [j.id, j.attempts])).toEqual([[b.id, 1]])
      const counts = await store.counts({ since: 0 })
      expect(counts.map((r) => [r.metric, r.code, r.count])).toEqual([
        ['delivered', '', 1],
        ['failed', 'BAD_REQUEST', 1]
      ])
      const [stored] = await store.recentAttempts({ limit: 5 })
      expect(stored).toEqual({ ...attempt, id: stored.id })
      expect(await store.queueDepths()).toEqual([{ instance: 'hook', subscriptionId: 'sub-a', pending: 1, dead: 1 }])
    })

    it('applies an outcome after the lease moved on, but never reopens a delivered job', async () => {
      const { store } = h()
      await seed(store, 1)
      const [first] = await claim(store, T0, 10, 'w1')
      const [second] = await claim(store, T0 + LEASE, 10, 'w2')
      await store.settle([{ jobId: second.id, kind: 'delivered', at: T0 + LEASE + 1 }], [], [])
      await store.settle([{ jobId: first.id, kind: 'retry', dueAt: T0 + LEASE + 5, error: boom }], [], [])
      expect((await store.getEvent('m0'))?.jobs[0]).toMatchObject({ state: 'delivered', attempts: 1 })
      expect(await claim(store, T0 + 10 * LEASE)).toEqual([])
    })

    it('ignores outcomes and releases for ids that name no job', async () => {
      const { store } = h()
      await seed(store, 1)
      const [claimed] = await claim(store, T0)
      await store.settle(
        [
          { jobId: 'not-an-id', kind: 'delivered', at: T0 + 1 },
          { jobId: '987654321', kind: 'dead', at: T0 + 1, error: bad },
          { jobId: claimed.id, kind: 'delivered', at: T0 + 1 }
        ],
        [],
        []
      )
      await store.release(['also-not-an-id', '987654321'], T0)
      expect((await store.getEvent('m0'))?.jobs.map((j) => j.state)).toEqual(['delivered'])
      expect(await store.listDeadLetters({ limit: 10 })).toEqual([])
    })

    it('gives released jobs back due at the given time with attempts unchanged', async () => {
      const { store } = h()
      await seed(store, 2)
      const claimed = await claim(store, T0 + 5)
      await store.release(
        claimed.map((j) => j.id),
        T0 + 50
      )
      expect(await claim(store, T0 + 49)).toEqual([])
      const again = await claim(store, T0 + 50)
      expect(again.map((j) => [j.id, j.attempts])).toEqual(claimed.map((j) => [j.id, 0]))
    })
  })

  describe('dead letters', () => {
    async function killAll(store: Store, jobs: { id: string }[], at: (i: number) => number) {
      await store.settle(
        jobs.map((j, i) => ({ jobId: j.id, kind: 'dead' as const, at: at(i), error: bad })),
        [],
        []
      )
    }

    it('lists dead jobs newest first with their event, filtered and paged', async () => {
      const { store } = h()
      const items = [
        event('a', { jobs: [job({ instance: 'x', subscriptionId: 's1' })] }),
        event('b', { jobs: [job({ instance: 'x', subscriptionId: 's2' })] }),
        event('c', { jobs: [job({ instance: 'y', subscriptionId: 's3' })] })
      ]
      await store.ingest(items, 60_000, () => [])
      await killAll(store, await claim(store, T0), (i) => T0 + 100 + i)
      const all = await store.listDeadLetters({ limit: 10 })
      expect(all.map((d) => d.messageId)).toEqual(['c', 'b', 'a'])
      expect(all[2]).toMatchObject({ instance: 'x', subscriptionId: 's1', action: 'send', source: 'web' })
      expect(all[2]).toMatchObject({ receivedAt: T0, deadAt: T0 + 100, attempts: 1, error: bad })
      expect(JSON.parse(all[2].body).messageId).toBe('a')
      expect((await store.listDeadLetters({ limit: 10, instance: 'x' })).map((d) => d.messageId)).toEqual(['b', 'a'])
      expect((await store.listDeadLetters({ limit: 10, subscriptionId: 's3' })).map((d) => d.messageId)).toEqual(['c'])
      expect((await store.listDeadLetters({ limit: 1, before: T0 + 102 })).map((d) => d.messageId)).toEqual(['b'])
    })

    it('replays a selection: pending, due now, attempts and retry window reset', async () => {
      const { store } = h()
      await seed(store, 3)
      const claimed = await claim(store, T0 + 5)
      await killAll(store, claimed, () => T0 + 10)
      const now = T0 + 5000
      expect(await store.replayDeadLetters({ jobIds: [claimed[1].id, 'not-an-id', '999999'] }, now)).toBe(1)
      expect(await store.replayDeadLetters({ jobIds: [claimed[1].id] }, now)).toBe(0)
      const [replayed] = await claim(store, now)
      expect(replayed).toMatchObject({ id: claimed[1].id, attempts: 0, retryFrom: now, receivedAt: T0 + 1 })
      expect(await store.listDeadLetters({ limit: 10 })).toHaveLength(2)
    })

    it('replays all dead jobs of an instance or subscription, or all of them', async () => {
      const { store } = h()
      const items = [
        event('a', { jobs: [job({ instance: 'x', subscriptionId: 's1' })] }),
        event('b', { jobs: [job({ instance: 'x', subscriptionId: 's2' })] }),
        event('c', { jobs: [job({ instance: 'y', subscriptionId: 's3' })] })
      ]
      await store.ingest(items, 60_000, () => [])
      await killAll(store, await claim(store, T0), () => T0 + 1)
      expect(await store.replayDeadLetters({ subscriptionId: 's2', all: true }, T0 + 2)).toBe(1)
      expect(await store.replayDeadLetters({ instance: 'x', all: true }, T0 + 2)).toBe(1)
      expect(await store.replayDeadLetters({ all: true }, T0 + 2)).toBe(1)
      expect(await store.listDeadLetters({ limit: 10 })).toEqual([])
      expect(await claim(store, T0 + 2)).toHaveLength(3)
    })
  })
}
