// Contract: configuration versioning and settings patches; ingest atomicity, dedupe and counts.
import type { HarnessAccess } from './store-contract'
import { event, job, receivedCounts, sampleConfig, T0 } from './store-fixtures'

const HOUR = 3_600_000

export function registerConfigAndIngestContract(h: HarnessAccess): void {
  describe('configuration', () => {
    it('starts empty at version 0', async () => {
      expect(await h().store.loadConfig()).toBeUndefined()
      expect(await h().store.configVersion()).toBe(0)
    })

    it('numbers each save with an increasing version and keeps the seed hash until a new one is given', async () => {
      const { store } = h()
      expect(await store.saveConfig(sampleConfig(), 'hash-1')).toBe(1)
      const changed = { ...sampleConfig(), sources: [{ name: 'app', writeKey: 'wk-app' }] }
      expect(await store.saveConfig(changed)).toBe(2)
      expect(await store.configVersion()).toBe(2)
      expect(await store.loadConfig()).toEqual({ version: 2, config: changed, seedHash: 'hash-1' })
      expect(await store.saveConfig(sampleConfig(), 'hash-2')).toBe(3)
      expect((await store.loadConfig())?.seedHash).toBe('hash-2')
    })

    it('merges a settings patch into one instance and bumps the version', async () => {
      const { store } = h()
      await store.saveConfig(sampleConfig(), 'seed')
      await store.updateInstanceSettings('hook', { token: 'new', refresh: 'r1' })
      const stored = await store.loadConfig()
      expect(stored?.version).toBe(2)
      expect(stored?.seedHash).toBe('seed')
      expect(stored?.config.destinations[0].settings).toEqual({
        url: 'https://example.test/a',
        token: 'new',
        refresh: 'r1'
      })
    })

    it('rejects a patch for an unknown instance, naming it, and changes nothing', async () => {
      const { store } = h()
      await store.saveConfig(sampleConfig())
      await expect(store.updateInstanceSettings('nope', { a: 1 })).rejects.toThrow(
        'no destination instance named "nope"'
      )
      expect(await store.configVersion()).toBe(1)
    })

    it('stores a "__proto__" key of a patch as data without changing any prototype', async () => {
      const { store } = h()
      await store.saveConfig(sampleConfig())
      await store.updateInstanceSettings('hook', JSON.parse('{"__proto__": {"polluted": true}}'))
      const settings = (await store.loadConfig())?.config.destinations[0].settings as Record<string, unknown>
      expect(Object.getPrototypeOf(settings)).toBe(Object.prototype)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    })
  })

  describe('ingest', () => {
    it('stores events with their jobs and counts only the accepted ones', async () => {
      const { store } = h()
      const items = [event('m1'), event('m2', { jobs: [job(), job({ subscriptionId: 'sub-b' })] }), event('m1')]
      const result = await store.ingest(items, HOUR, receivedCounts(items))
      expect(result.accepted).toEqual([true, true, false])
      expect((await store.recentEvents({ limit: 10 })).map((e) => e.messageId)).toEqual(['m2', 'm1'])
      expect(await store.queueDepths()).toEqual([
        { instance: 'hook', subscriptionId: 'sub-a', pending: 2, dead: 0 },
        { instance: 'hook', subscriptionId: 'sub-b', pending: 1, dead: 0 }
      ])
      const counts = await store.counts({ since: 0 })
      expect(counts.map((c) => [c.subscriptionId, c.metric, c.count])).toEqual([
        ['sub-a', 'received', 2],
        ['sub-b', 'received', 1]
      ])
    })

    it('drops a messageId seen for the same source within the window, and accepts it elsewhere or later', async () => {
      const { store } = h()
      const none = () => []
      expect((await store.ingest([event('m1')], HOUR, none)).accepted).toEqual([true])
      const again = [
        event('m1', { receivedAt: T0 + HOUR - 1 }),
        event('m1', { source: 'app', receivedAt: T0 + 10 }),
        event('m2', { receivedAt: T0 + 10 })
      ]
      expect((await store.ingest(again, HOUR, none)).accepted).toEqual([false, true, true])
      // Past the window of the first copy, the same messageId is a new event (and starts a new window).
      const later = [event('m1', { receivedAt: T0 + HOUR }), event('m1', { receivedAt: T0 + HOUR + 5 })]
      expect((await store.ingest(later, HOUR, none)).accepted).toEqual([true, false])
      expect(await store.recentEvents({ limit: 10 })).toHaveLength(4)
    })

    it('stores nothing when any part of the transaction fails', async () => {
      const { store } = h()
      const items = [event('m1'), event('m2')]
      const failing = () => {
        throw new Error('counting failed')
      }
      await expect(store.ingest(items, HOUR, failing)).rejects.toThrow('counting failed')
      expect(await store.recentEvents({ limit: 10 })).toEqual([])
      expect(await store.queueDepths()).toEqual([])
      // Nothing of the failed request was remembered for dedupe either.
      expect((await store.ingest(items, HOUR, receivedCounts(items))).accepted).toEqual([true, true])
    })

    it('keeps every event when the dedupe window is 0', async () => {
      const { store } = h()
      const result = await store.ingest([event('m1'), event('m1')], 0, () => [])
      expect(result.accepted).toEqual([true, true])
    })

    it('stores an event that no subscription wants, with no job', async () => {
      const { store } = h()
      await store.ingest([event('lonely', { jobs: [] })], HOUR, () => [])
      const stored = await store.getEvent('lonely')
      expect(stored?.jobs).toEqual([])
      expect(await store.queueDepths()).toEqual([])
    })
  })
}
