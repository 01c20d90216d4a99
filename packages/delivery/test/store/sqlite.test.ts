import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import Database from 'better-sqlite3'
import { openStore } from '../../src/store/open-store'
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store'
import { tempSqliteStore } from '../helpers/temp-stores'
import { registerStoreContract } from './store-contract'
import { testClock } from './store-fixtures'

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

  it('rejects an empty store argument', () => {
    expect(() => openStore(' ')).toThrow('openStore: the store must be an SQLite file path or a postgres:// URL')
  })
})
