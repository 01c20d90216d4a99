// The connection pool of the PostgreSQL store: int8 read as numbers (ids and epoch-ms times fit
// in a double), every connection on the store's schema, and a transaction helper that retries
// when PostgreSQL aborts one to break a deadlock or a serialisation conflict.
import { Pool, types, type PoolClient } from 'pg'

const INT8_OID = 20
const RETRYABLE_CODES = new Set(['40P01', '40001'])
const MAX_TRIES = 3

export function createPool(
  url: string,
  schema: string,
  max: number,
  onIdleError: (error: Error) => void = () => undefined
): Pool {
  const pool = new Pool({
    connectionString: url,
    max,
    options: `-c search_path=${schema}`,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID
          ? (value: string) => Number(value)
          : types.getTypeParser(oid, format)) as typeof types.getTypeParser
    }
  })
  // An idle connection that breaks (server restart, network) is dropped by the pool, and the next
  // query opens a new one; unhandled, the pool's 'error' event would end the process.
  pool.on('error', onIdleError)
  return pool
}

export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect()
    // A connection whose ROLLBACK failed is broken: it is destroyed instead of going back to the pool.
    let broken = false
    try {
      await client.query('BEGIN')
      const result = await work(client)
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => (broken = true))
      const code = (error as { code?: string }).code
      if (attempt >= MAX_TRIES || code === undefined || !RETRYABLE_CODES.has(code)) throw error
    } finally {
      client.release(broken)
    }
  }
}
