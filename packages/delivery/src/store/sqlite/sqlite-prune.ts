// Bounds the SQLite file: deletes in chunks (each its own short transaction, yielding between
// them) so that a large prune never holds the write lock for long.
import type Database from 'better-sqlite3'
import type { PruneSettings } from '../shared/options'

const CHUNK = 5000

export async function pruneSqlite(
  db: Database.Database,
  stmt: (sql: string) => Database.Statement,
  settings: PruneSettings
): Promise<void> {
  const { before, now } = settings
  await inChunks(
    stmt(`DELETE FROM jobs WHERE id IN
      (SELECT id FROM jobs WHERE state = 'delivered' AND delivered_at < ? LIMIT ${CHUNK})`),
    [before]
  )
  // An event goes once none of its jobs remain (delivered ones were just deleted).
  await inChunks(
    stmt(`DELETE FROM events WHERE id IN (SELECT e.id FROM events e WHERE e.received_at < ?
      AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.event_id = e.id) LIMIT ${CHUNK})`),
    [before]
  )
  await inChunks(
    stmt(`DELETE FROM dedupe WHERE (source, message_id) IN
      (SELECT source, message_id FROM dedupe WHERE expires_at <= ? LIMIT ${CHUNK})`),
    [now]
  )
  await inChunks(stmt(`DELETE FROM attempts WHERE id IN (SELECT id FROM attempts WHERE at < ? LIMIT ${CHUNK})`), [
    before
  ])
  const subscriptions = stmt('SELECT DISTINCT subscription_id FROM attempts').all() as { subscription_id: string }[]
  const keepNewest = stmt(`DELETE FROM attempts WHERE subscription_id = ? AND id <
    (SELECT id FROM attempts WHERE subscription_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`)
  for (const { subscription_id: subscription } of subscriptions) {
    keepNewest.run(subscription, subscription, settings.attemptsPerSubscription - 1)
    await yieldToEventLoop()
  }
  stmt('DELETE FROM counts WHERE minute < ?').run(before)
  if (!db.inTransaction) db.pragma('wal_checkpoint(PASSIVE)')
}

async function inChunks(statement: Database.Statement, params: unknown[]): Promise<void> {
  while (statement.run(...params).changes > 0) await yieldToEventLoop()
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
