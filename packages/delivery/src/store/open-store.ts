// Opens the store a `--store` argument names: a postgres:// or postgresql:// URL is PostgreSQL,
// anything else is an SQLite file path.
import type { Store } from './store'
import { createPostgresStore, type PostgresStoreOptions } from './postgres/postgres-store'
import type { SqliteStoreOptions } from './sqlite/options'
import { createSqliteStore } from './sqlite/sqlite-store'

export interface OpenStoreOptions {
  /** Used when the spec is an SQLite file (e.g. `synchronous: 'full'`). */
  sqlite?: SqliteStoreOptions
  /** Used when the spec is a PostgreSQL URL (e.g. `schema`, `poolSize`, `onConnectionError`). */
  postgres?: PostgresStoreOptions
}

export function openStore(spec: string, options: OpenStoreOptions = {}): Store {
  if (typeof spec !== 'string' || spec.trim() === '') {
    throw new Error('openStore: the store must be an SQLite file path or a postgres:// URL, and it is empty')
  }
  if (/^postgres(ql)?:\/\//i.test(spec)) return createPostgresStore(spec, options.postgres)
  return createSqliteStore(spec, options.sqlite)
}
