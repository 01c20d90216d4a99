// Opens the store a `--store` argument names: a postgres:// or postgresql:// URL is PostgreSQL,
// anything else is an SQLite file path.
import type { Store } from './store'
import { createPostgresStore } from './postgres/postgres-store'
import { createSqliteStore } from './sqlite/sqlite-store'

export function openStore(spec: string): Store {
  if (typeof spec !== 'string' || spec.trim() === '') {
    throw new Error('openStore: the store must be an SQLite file path or a postgres:// URL, and it is empty')
  }
  if (/^postgres(ql)?:\/\//i.test(spec)) return createPostgresStore(spec)
  return createSqliteStore(spec)
}
