// Ingest on PostgreSQL inside the caller's transaction: dedupe claims, events, jobs and counters
// as four array statements. A messageId's dedupe row is claimed (inserted, or taken over when its
// window has passed) before its event is written; a concurrent request with the same messageId
// waits on that row and then sees it taken.
import type { PoolClient } from 'pg'
import type { CountDelta, IngestItem } from '../types'
import { aggregateCounts, minuteOf } from '../shared/counts'

export async function ingestPostgres(
  client: PoolClient,
  items: IngestItem[],
  dedupeWindowMs: number,
  countsFor: (accepted: boolean[]) => CountDelta[],
  now: number
): Promise<boolean[]> {
  const accepted = await claimDedupe(client, items, dedupeWindowMs)
  const stored = items.filter((_, index) => accepted[index])
  if (stored.length > 0) {
    const { rows } = await client.query<{ id: number }>(
      "SELECT nextval('events_id_seq') AS id FROM generate_series(1, $1)",
      [stored.length]
    )
    const ids = rows.map((row) => row.id).sort((a, b) => a - b)
    await client.query(
      `INSERT INTO events (id, source, message_id, received_at, type, name, body)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[])`,
      [
        ids,
        stored.map((item) => item.source),
        stored.map((item) => item.messageId),
        stored.map((item) => item.receivedAt),
        stored.map((item) => item.type),
        stored.map((item) => item.name ?? null),
        stored.map((item) => item.body)
      ]
    )
    const jobs = stored.flatMap((item, index) => item.jobs.map((job) => ({ job, item, eventId: ids[index] })))
    if (jobs.length > 0) {
      await client.query(
        `INSERT INTO jobs (event_id, instance, subscription_id, action, group_key, state, due_at, retry_from)
         SELECT e, i, s, a, g, 'pending', d, d
         FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[]) AS t(e, i, s, a, g, d)`,
        [
          jobs.map((j) => j.eventId),
          jobs.map((j) => j.job.instance),
          jobs.map((j) => j.job.subscriptionId),
          jobs.map((j) => j.job.action),
          jobs.map((j) => j.job.groupKey),
          jobs.map((j) => j.item.receivedAt)
        ]
      )
    }
  }
  await upsertCounts(client, countsFor(accepted), now)
  return accepted
}

/** Decides which items are new: the first of each (source, messageId) in the request whose dedupe row it could claim. */
async function claimDedupe(client: PoolClient, items: IngestItem[], windowMs: number): Promise<boolean[]> {
  if (windowMs <= 0) return items.map(() => true)
  const firstIndex = new Map<string, number>()
  items.forEach((item, index) => {
    const key = JSON.stringify([item.source, item.messageId])
    if (!firstIndex.has(key)) firstIndex.set(key, index)
  })
  // Sorted, so that concurrent requests lock dedupe rows in the same order.
  const candidates = [...firstIndex.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, i]) => items[i])
  const { rows } = await client.query<{ source: string; message_id: string }>(
    `INSERT INTO dedupe (source, message_id, expires_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])
     ON CONFLICT (source, message_id) DO UPDATE SET expires_at = EXCLUDED.expires_at
     WHERE dedupe.expires_at <= EXCLUDED.expires_at - $4
     RETURNING source, message_id`,
    [
      candidates.map((item) => item.source),
      candidates.map((item) => item.messageId),
      candidates.map((item) => item.receivedAt + windowMs),
      windowMs
    ]
  )
  const fresh = new Set(rows.map((row) => JSON.stringify([row.source, row.message_id])))
  return items.map((item, index) => {
    const key = JSON.stringify([item.source, item.messageId])
    return firstIndex.get(key) === index && fresh.has(key)
  })
}

export async function upsertCounts(client: PoolClient, deltas: CountDelta[], now: number): Promise<void> {
  const rows = aggregateCounts(deltas)
  if (rows.length === 0) return
  await client.query(
    `INSERT INTO counts (minute, instance, subscription_id, metric, code, count)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[])
     ON CONFLICT (minute, instance, subscription_id, metric, code) DO UPDATE SET count = counts.count + EXCLUDED.count`,
    [
      minuteOf(now),
      rows.map((row) => row.instance),
      rows.map((row) => row.subscriptionId),
      rows.map((row) => row.metric),
      rows.map((row) => row.code),
      rows.map((row) => row.count)
    ]
  )
}
