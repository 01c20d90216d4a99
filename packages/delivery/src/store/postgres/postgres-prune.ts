// Bounds the PostgreSQL database: deletes in chunks of short statements, so that a large prune
// never holds many row locks at once and other processes keep working beside it.
import type { Pool } from 'pg'
import type { PruneSettings } from '../shared/options'

const CHUNK = 5000

export async function prunePostgres(pool: Pool, settings: PruneSettings): Promise<void> {
  const { before, now } = settings
  await inChunks(
    pool,
    `DELETE FROM jobs WHERE id IN
      (SELECT id FROM jobs WHERE state = 'delivered' AND delivered_at < $1 LIMIT ${CHUNK})`,
    [before]
  )
  // An event goes once none of its jobs remain (delivered ones were just deleted).
  await inChunks(
    pool,
    `DELETE FROM events WHERE id IN (SELECT e.id FROM events e WHERE e.received_at < $1
      AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.event_id = e.id) LIMIT ${CHUNK})`,
    [before]
  )
  await inChunks(
    pool,
    `DELETE FROM dedupe WHERE (source, message_id) IN
      (SELECT source, message_id FROM dedupe WHERE expires_at <= $1 LIMIT ${CHUNK})`,
    [now]
  )
  await inChunks(pool, `DELETE FROM attempts WHERE id IN (SELECT id FROM attempts WHERE at < $1 LIMIT ${CHUNK})`, [
    before
  ])
  const { rows } = await pool.query<{ subscription_id: string }>('SELECT DISTINCT subscription_id FROM attempts')
  for (const { subscription_id: subscription } of rows) {
    await pool.query(
      `DELETE FROM attempts WHERE subscription_id = $1 AND id <
        (SELECT id FROM attempts WHERE subscription_id = $1 ORDER BY id DESC LIMIT 1 OFFSET $2)`,
      [subscription, settings.attemptsPerSubscription - 1]
    )
  }
  await pool.query('DELETE FROM counts WHERE minute < $1', [before])
}

async function inChunks(pool: Pool, sql: string, params: unknown[]): Promise<void> {
  while (((await pool.query(sql, params)).rowCount ?? 0) > 0) {
    // Next chunk: each statement commits on its own.
  }
}
