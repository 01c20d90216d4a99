// Stores for tests: SQLite files in a temp folder, PostgreSQL schemas in the tests' own cluster
// (see ../../jest.config.js). Each call gives an empty, initialised store of its own.
import { randomBytes } from 'crypto'
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { Client } from 'pg'
import type { Store } from '../../src/store/store'
import { createPostgresStore, type PostgresStoreOptions } from '../../src/store/postgres/postgres-store'
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store'
import type { SqliteStoreOptions } from '../../src/store/sqlite/options'

export interface TempStore {
  store: Store
  /** Where it lives: the SQLite file, or the PostgreSQL URL and schema. */
  location: string
  /** Opens another connection to the same database. */
  reopen(): Promise<Store>
  dispose(): Promise<void>
}

export async function tempSqliteStore(options: SqliteStoreOptions = {}): Promise<TempStore> {
  const dir = mkdtempSync(join(tmpdir(), 'delivery-store-'))
  const file = join(dir, 'engine.db')
  const opened: Store[] = []
  const open = async () => {
    const store = createSqliteStore(file, options)
    opened.push(store)
    await store.init()
    return store
  }
  return {
    store: await open(),
    location: file,
    reopen: open,
    dispose: async () => {
      await Promise.all(opened.map((store) => store.close()))
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** The URL of the tests' PostgreSQL; throws (never skips) when the global setup did not start one. */
export function testPostgresUrl(): string {
  const url = process.env.DELIVERY_TEST_PG_URL
  if (!url) {
    throw new Error(
      'DELIVERY_TEST_PG_URL is not set: the PostgreSQL tests need the cluster that packages/delivery/jest.config.js ' +
        'starts (run jest with that config; "node scripts/ensure-postgres.js" installs PostgreSQL)'
    )
  }
  return url
}

/** A fresh schema in the tests' database, so test files and tests never see each other's rows. */
export async function tempPostgresStore(options: Omit<PostgresStoreOptions, 'schema'> = {}): Promise<TempStore> {
  const url = testPostgresUrl()
  const schema = `t_${randomBytes(6).toString('hex')}`
  const opened: Store[] = []
  const open = async () => {
    const store = createPostgresStore(url, { ...options, schema })
    opened.push(store)
    await store.init()
    return store
  }
  return {
    store: await open(),
    location: `${url} (schema ${schema})`,
    reopen: open,
    dispose: async () => {
      await Promise.all(opened.map((store) => store.close()))
      const client = new Client({ connectionString: url })
      await client.connect()
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      } finally {
        await client.end()
      }
    }
  }
}
