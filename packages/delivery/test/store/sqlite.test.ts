import { execFile } from 'child_process'
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import Database from 'better-sqlite3'
import { openStore } from '../../src/store/open-store'
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store'
import { tempSqliteStore } from '../helpers/temp-stores'
import { registerStoreContract } from './store-contract'
import { event, T0, testClock } from './store-fixtures'

registerStoreContract('SQLite', async (options = {}) => {
  const clock = testClock()
  const temp = await tempSqliteStore({ ...options, now: clock.now })
  return { store: temp.store, clock, openAnother: temp.reopen, dispose: temp.dispose }
})

describe('createSqliteStore', () => {
  it('rejects bad options with a message naming them', () => {
    expect(() => createSqliteStore('')).toThrow('createSqliteStore: the database file must be a non-empty path')
    expect(() => createSqliteStore(':memory:', { synchronous: 'off' as 'full' })).toThrow(
      'createSqliteStore: synchronous must be "normal" or "full", not "off"'
    )
    expect(() => createSqliteStore(':memory:', { attemptsPerSubscription: 0 })).toThrow(
      'createSqliteStore: attemptsPerSubscription must be a positive integer, not 0'
    )
  })

  it('names the file it cannot open', () => {
    expect(() => createSqliteStore('/nonexistent-dir/x/engine.db')).toThrow('/nonexistent-dir/x/engine.db')
  })
})

describe('openStore', () => {
  it('opens an SQLite file in WAL mode for anything that is not a postgres URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'delivery-open-'))
    const file = join(dir, 'engine.db')
    const store = openStore(file)
    try {
      await store.init()
      await store.saveConfig({ sources: [], destinations: [] })
      const plain = new Database(file, { readonly: true })
      expect(plain.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(plain.prepare('SELECT version FROM config').pluck().get()).toBe(1)
      plain.close()
    } finally {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('passes SQLite options through', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'delivery-open-'))
    const store = openStore(join(dir, 'engine.db'), { sqlite: { synchronous: 'full' } })
    try {
      await store.init()
      expect(() => openStore(join(dir, 'engine.db'), { sqlite: { attemptsPerSubscription: -1 } })).toThrow(
        'createSqliteStore: attemptsPerSubscription must be a positive integer, not -1'
      )
    } finally {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('rejects an empty store argument', () => {
    expect(() => openStore(' ')).toThrow('openStore: the store must be an SQLite file path or a postgres:// URL')
  })
})

describe('SQLite prune of dedupe entries', () => {
  it('walks every page of dedupe keys and deletes exactly the expired ones', async () => {
    const clock = testClock()
    const temp = await tempSqliteStore({ now: clock.now })
    try {
      // 12,000 keys (more than two pages), every other one with a window that has passed by the prune.
      for (let start = 0; start < 12_000; start += 500) {
        const items = Array.from({ length: 500 }, (_, i) => event(`k${start + i}`, { jobs: [] }))
        await temp.store.ingest(
          items.filter((_, i) => i % 2 === 0),
          60_000,
          () => []
        )
        await temp.store.ingest(
          items.filter((_, i) => i % 2 === 1),
          3_600_000,
          () => []
        )
      }
      clock.set(T0 + 120_000)
      await temp.store.prune(T0 - 1)
      const plain = new Database(temp.location, { readonly: true })
      const left = plain.prepare('SELECT message_id FROM dedupe').all() as { message_id: string }[]
      plain.close()
      expect(left).toHaveLength(6_000)
      expect(left.every((row) => Number(row.message_id.slice(1)) % 2 === 1)).toBe(true)
    } finally {
      await temp.dispose()
    }
  })
})

describe('SQLite claims from several processes', () => {
  function claimInChild(file: string, worker: string): Promise<string[]> {
    return new Promise((resolve, reject) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', join(__dirname, 'sqlite-claimer.ts'), file, worker, String(T0 + 1000)],
        { timeout: 60_000 },
        (error, stdout, stderr) =>
          error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout))
      )
    })
  }

  it('never hands the same job to two processes claiming one file at once', async () => {
    const temp = await tempSqliteStore()
    try {
      for (let start = 0; start < 2_000; start += 500) {
        const items = Array.from({ length: 500 }, (_, i) => event(`p${start + i}`))
        await temp.store.ingest(items, 60_000, () => [])
      }
      const claimed = await Promise.all([claimInChild(temp.location, 'a'), claimInChild(temp.location, 'b')])
      const all = claimed.flat()
      expect(new Set(all).size).toBe(all.length)
      expect(all).toHaveLength(2_000)
      console.log(`two processes claimed ${claimed[0].length} and ${claimed[1].length} of 2000 jobs`)
    } finally {
      await temp.dispose()
    }
  }, 90_000)
})
