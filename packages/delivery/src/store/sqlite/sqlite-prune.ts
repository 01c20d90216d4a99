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
  await pruneDedupe(db, stmt, now)
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

/** Walks the dedupe keys a page at a time (primary-key order) and deletes the expired ones of each page. */
async function pruneDedupe(
  db: Database.Database,
  stmt: (sql: string) => Database.Statement,
  now: number
): Promise<void> {
  const first = stmt(`SELECT source, message_id, expires_at FROM dedupe ORDER BY source, message_id LIMIT ${CHUNK}`)
  const next = stmt(`SELECT source, message_id, expires_at FROM dedupe WHERE (source, message_id) > (?, ?)
    ORDER BY source, message_id LIMIT ${CHUNK}`)
  const remove = stmt('DELETE FROM dedupe WHERE source = ? AND message_id = ? AND expires_at <= ?')
  let page = first.all() as { source: string; message_id: string; expires_at: number }[]
  while (page.length > 0) {
    const expired = page.filter((row) => row.expires_at <= now)
    if (expired.length > 0) {
      db.transaction(() => expired.forEach((row) => remove.run(row.source, row.message_id, now))).immediate()
    }
    const last = page[page.length - 1]
    await yieldToEventLoop()
    page = next.all(last.source, last.message_id) as typeof page
  }
}

async function inChunks(statement: Database.Statement, params: unknown[]): Promise<void> {
  while (statement.run(...params).changes > 0) await yieldToEventLoop()
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
