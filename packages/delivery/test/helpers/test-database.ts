// A database of its own in the tests' PostgreSQL cluster, for a test file whose engines use the
// default schema (so files running in parallel never share tables).
import { Client } from 'pg'
import { testPostgresUrl } from './temp-stores'

export interface TestDatabase {
  url: string
  drop(): Promise<void>
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testPostgresUrl() })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`createTestDatabase: "${name}" is not a plain SQL name`)
  await admin((client) => client.query(`CREATE DATABASE ${name}`))
  const url = new URL(testPostgresUrl())
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined)
  }
}
