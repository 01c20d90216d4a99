import { Client } from 'pg'
import { createPostgresStore } from '../../src/store/postgres/postgres-store'
import { openStore } from '../../src/store/open-store'
import { tempPostgresStore, testPostgresUrl } from '../helpers/temp-stores'
import { createTestDatabase } from '../helpers/test-database'
import { waitFor } from '../helpers/ingest-client'
import { registerStoreContract } from './store-contract'
import { event, testClock } from './store-fixtures'

registerStoreContract('PostgreSQL', async (options = {}) => {
  const clock = testClock()
  const temp = await tempPostgresStore({ ...options, now: clock.now })
  return { store: temp.store, clock, openAnother: temp.reopen, dispose: temp.dispose }
})

describe('createPostgresStore', () => {
  it('rejects bad options with a message naming them', () => {
    expect(() => createPostgresStore('mysql://x')).toThrow('createPostgresStore: the URL must start with postgres://')
    expect(() => createPostgresStore(testPostgresUrl(), { schema: 'Bad-Name' })).toThrow(
      'createPostgresStore: schema must be a lower-case SQL name (a-z, 0-9, _), not "Bad-Name"'
    )
    expect(() => createPostgresStore(testPostgresUrl(), { poolSize: 0 })).toThrow(
      'createPostgresStore: poolSize must be a positive integer, not 0'
    )
  })

  it('creates the schema once when several processes start at the same time', async () => {
    const schema = `race_${process.pid}`
    const stores = Array.from({ length: 4 }, () => createPostgresStore(testPostgresUrl(), { schema, poolSize: 2 }))
    try {
      await Promise.all(stores.map((store) => store.init()))
      await stores[0].saveConfig({ sources: [], destinations: [] })
      expect(await stores[3].configVersion()).toBe(1)
    } finally {
      await stores[0].close()
      const cleanup = createPostgresStore(testPostgresUrl(), { schema, poolSize: 1 })
      await Promise.all(stores.slice(1).map((store) => store.close()))
      await cleanup.close()
    }
  })

  it('lets two processes ingest the same messageId at once and keeps one copy', async () => {
    const temp = await tempPostgresStore()
    const other = await temp.reopen()
    try {
      const items = Array.from({ length: 50 }, (_, i) => event(`m${i}`))
      const [mine, theirs] = await Promise.all([
        temp.store.ingest(items, 60_000, () => []),
        other.ingest(items.slice().reverse(), 60_000, () => [])
      ])
      const accepted = mine.accepted.filter(Boolean).length + theirs.accepted.filter(Boolean).length
      expect(accepted).toBe(50)
      expect(await temp.store.recentEvents({ limit: 100 })).toHaveLength(50)
    } finally {
      await temp.dispose()
    }
  })
})

describe('PostgreSQL connections', () => {
  it('survives its idle connections being cut (a server restart) and reconnects on the next call', async () => {
    const database = await createTestDatabase('cut')
    const errors: Error[] = []
    const store = createPostgresStore(database.url, { onConnectionError: (error) => errors.push(error) })
    try {
      await store.init()
      await store.saveConfig({ sources: [], destinations: [] })
      const admin = new Client({ connectionString: testPostgresUrl() })
      await admin.connect()
      const name = new URL(database.url).pathname.slice(1)
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name]
      )
      await admin.end()
      await waitFor('the pool to notice the cut connection', () => errors.length > 0, 10_000)
      expect(errors[0].message).toMatch(/terminat/i)
      expect(await store.configVersion()).toBe(1)
    } finally {
      await store.close()
      await database.drop()
    }
  })
})

describe('openStore', () => {
  it('opens PostgreSQL for a postgres:// URL (schema "delivery")', async () => {
    const database = await createTestDatabase('open')
    const store = openStore(database.url)
    try {
      await store.init()
      await store.saveConfig({ sources: [], destinations: [] })
      expect(await store.configVersion()).toBe(1)
      const plain = new Client({ connectionString: database.url })
      await plain.connect()
      const { rows } = await plain.query('SELECT version FROM delivery.config')
      await plain.end()
      expect(rows).toEqual([{ version: '1' }])
    } finally {
      await store.close()
      await database.drop()
    }
  })
})
