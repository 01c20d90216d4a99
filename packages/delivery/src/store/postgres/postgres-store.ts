// The shared store: PostgreSQL through a `pg` Pool, for several engine processes on one
// database. Jobs are claimed with FOR UPDATE SKIP LOCKED in due-time order; bulk writes pass
// arrays through unnest, so a request of 500 events is a handful of statements.
import type { Pool } from 'pg'
import type { EngineConfig } from '../../config/types'
import type { ClaimOptions, IngestResult, Store } from '../store'
import type { AttemptRecord, ClaimedJob, CountDelta, IngestItem, JobOutcome, StoredConfig } from '../types'
import { checkClaimOptions, checkPositiveInteger } from '../shared/options'
import { encodeAttempt, encodeError, parseId, withInstanceSettings } from '../shared/records'
import { toClaimedJob, type ClaimRow } from '../shared/rows'
import { ingestPostgres, upsertCounts } from './postgres-ingest'
import { prunePostgres } from './postgres-prune'
import { PostgresReads } from './postgres-reads'
import { createPool, inTransaction } from './pool'
import { postgresSchema } from './schema'
import { StatisticsKeeper } from './statistics'

export interface PostgresStoreOptions {
  /** The schema holding the tables (created when missing). Default "delivery". */
  schema?: string
  /** Connections in the pool. Default 10. */
  poolSize?: number
  /** Attempts kept per subscription by prune (newest first). Default 1000. */
  attemptsPerSubscription?: number
  /** The clock for counter buckets and dedupe expiry (tests). Default Date.now. */
  now?: () => number
  /** Told when an idle pooled connection fails (the pool replaces it). Default: ignored. */
  onConnectionError?: (error: Error) => void
}

export function createPostgresStore(url: string, options: PostgresStoreOptions = {}): Store {
  if (typeof url !== 'string' || !/^postgres(ql)?:\/\//i.test(url)) {
    throw new Error('createPostgresStore: the URL must start with postgres:// or postgresql://')
  }
  const schema = options.schema ?? 'delivery'
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(
      `createPostgresStore: schema must be a lower-case SQL name (a-z, 0-9, _), not ${JSON.stringify(schema)}`
    )
  }
  const poolSize = checkPositiveInteger('createPostgresStore: poolSize', options.poolSize, 10)
  const attemptsPerSubscription = checkPositiveInteger(
    'createPostgresStore: attemptsPerSubscription',
    options.attemptsPerSubscription,
    1000
  )
  return new PostgresStore(
    createPool(url, schema, poolSize, options.onConnectionError),
    schema,
    options.now ?? Date.now,
    attemptsPerSubscription
  )
}

const CLAIM_RETURNING = `j.id, j.event_id, j.instance, j.subscription_id, j.action, j.group_key, j.attempts,
  j.retry_from, e.message_id, e.source, e.received_at, e.body, picked.due_at AS claimed_due_at`

class PostgresStore extends PostgresReads implements Store {
  private readonly statistics: StatisticsKeeper

  constructor(
    pool: Pool,
    private readonly schema: string,
    private readonly now: () => number,
    private readonly attemptsPerSubscription: number
  ) {
    super(pool)
    this.statistics = new StatisticsKeeper(pool)
  }

  async init(): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query("SELECT pg_advisory_xact_lock(hashtext('action-destinations delivery schema'))")
      await client.query(postgresSchema(this.schema))
    })
  }

  async close(): Promise<void> {
    await this.statistics.settle()
    if (!this.pool.ended) await this.pool.end()
  }

  async loadConfig(): Promise<StoredConfig | undefined> {
    const { rows } = await this.pool.query<{ version: number; body: string; seed_hash: string | null }>(
      'SELECT version, body, seed_hash FROM config WHERE id = 1'
    )
    if (rows.length === 0) return undefined
    const stored: StoredConfig = { version: rows[0].version, config: JSON.parse(rows[0].body) as EngineConfig }
    if (rows[0].seed_hash !== null) stored.seedHash = rows[0].seed_hash
    return stored
  }

  async saveConfig(config: EngineConfig, seedHash?: string): Promise<number> {
    return this.writeConfig(this.pool, JSON.stringify(config), seedHash ?? null)
  }

  private async writeConfig(client: Pick<Pool, 'query'>, body: string, seedHash: string | null): Promise<number> {
    const { rows } = await client.query<{ version: number }>(
      `INSERT INTO config (id, version, body, seed_hash) VALUES (1, 1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET version = config.version + 1, body = EXCLUDED.body,
         seed_hash = coalesce(EXCLUDED.seed_hash, config.seed_hash)
       RETURNING version`,
      [body, seedHash]
    )
    return rows[0].version
  }

  async configVersion(): Promise<number> {
    const { rows } = await this.pool.query<{ version: number }>('SELECT version FROM config WHERE id = 1')
    return rows[0]?.version ?? 0
  }

  async updateInstanceSettings(instance: string, patch: Record<string, unknown>): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ body: string }>('SELECT body FROM config WHERE id = 1 FOR UPDATE')
      if (rows.length === 0) {
        throw new Error(`updateInstanceSettings: there is no configuration yet (instance "${instance}")`)
      }
      const updated = withInstanceSettings(JSON.parse(rows[0].body) as EngineConfig, instance, patch)
      await this.writeConfig(client, JSON.stringify(updated), null)
    })
  }

  async ingest(
    items: IngestItem[],
    dedupeWindowMs: number,
    countsFor: (accepted: boolean[]) => CountDelta[]
  ): Promise<IngestResult> {
    const accepted = await inTransaction(this.pool, (client) =>
      ingestPostgres(client, items, dedupeWindowMs, countsFor, this.now())
    )
    this.statistics.wrote(items.length)
    return { accepted }
  }

  async claimJobs(options: ClaimOptions): Promise<ClaimedJob[]> {
    checkClaimOptions(options)
    if (options.limit <= 0 || (options.instances && options.instances.length === 0)) return []
    const leaseUntil = options.now + options.leaseMs
    const params: unknown[] = [options.now, options.limit, options.worker, leaseUntil]
    if (options.instances) params.push(options.instances)
    // The lease end becomes the due time: an expired lease makes the job claimable again.
    const { rows } = await this.pool.query<ClaimRow & { claimed_due_at: number }>(
      `WITH picked AS (
         SELECT id, due_at FROM jobs
         WHERE state = 'pending' AND due_at <= $1 ${options.instances ? 'AND instance = ANY($5::text[])' : ''}
         ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       UPDATE jobs j SET lease_worker = $3, lease_until = $4, due_at = $4
       FROM picked, events e WHERE j.id = picked.id AND e.id = j.event_id
       RETURNING ${CLAIM_RETURNING}`,
      params
    )
    this.statistics.wrote(rows.length)
    rows.sort((a, b) => a.claimed_due_at - b.claimed_due_at || a.id - b.id)
    return rows.map((row) => toClaimedJob(row, leaseUntil))
  }

  async settle(outcomes: JobOutcome[], counts: CountDelta[], attempts: AttemptRecord[]): Promise<void> {
    // Ids that are not store ids name no job (as on SQLite); sorted, so rows are locked in one order.
    const sorted = outcomes
      .filter((outcome) => parseId(outcome.jobId) !== undefined)
      .sort((a, b) => Number(a.jobId) - Number(b.jobId))
    const delivered = sorted.filter((o) => o.kind === 'delivered')
    const retried = sorted.filter((o) => o.kind === 'retry')
    const dead = sorted.filter((o) => o.kind === 'dead')
    // Each update also filters by `id = ANY(...)`, so it finds its rows through the primary key
    // whatever the statistics say (a join on unnest alone may hash every pending job).
    await inTransaction(this.pool, async (client) => {
      if (delivered.length > 0) {
        await client.query(
          `UPDATE jobs SET state = 'delivered', delivered_at = t.at, due_at = NULL, lease_worker = NULL,
             lease_until = NULL, attempts = attempts + 1
           FROM unnest($1::bigint[], $2::bigint[]) AS t(id, at)
           WHERE jobs.id = ANY($1::bigint[]) AND jobs.id = t.id AND jobs.state = 'pending'`,
          [delivered.map((o) => o.jobId), delivered.map((o) => o.at)]
        )
      }
      if (retried.length > 0) {
        await client.query(
          `UPDATE jobs SET due_at = t.due_at, last_error = t.error, lease_worker = NULL, lease_until = NULL,
             attempts = attempts + 1
           FROM unnest($1::bigint[], $2::bigint[], $3::text[]) AS t(id, due_at, error)
           WHERE jobs.id = ANY($1::bigint[]) AND jobs.id = t.id AND jobs.state = 'pending'`,
          [retried.map((o) => o.jobId), retried.map((o) => o.dueAt), retried.map((o) => encodeError(o.error))]
        )
      }
      if (dead.length > 0) {
        await client.query(
          `UPDATE jobs SET state = 'dead', dead_at = t.at, last_error = t.error, due_at = NULL,
             lease_worker = NULL, lease_until = NULL, attempts = attempts + 1
           FROM unnest($1::bigint[], $2::bigint[], $3::text[]) AS t(id, at, error)
           WHERE jobs.id = ANY($1::bigint[]) AND jobs.id = t.id AND jobs.state = 'pending'`,
          [dead.map((o) => o.jobId), dead.map((o) => o.at), dead.map((o) => encodeError(o.error))]
        )
      }
      await upsertCounts(client, counts, this.now())
      if (attempts.length > 0) {
        await client.query(
          `INSERT INTO attempts (instance, subscription_id, at, body)
           SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[])`,
          [
            attempts.map((a) => a.instance),
            attempts.map((a) => a.subscriptionId),
            attempts.map((a) => a.at),
            attempts.map(encodeAttempt)
          ]
        )
      }
    })
    this.statistics.wrote(outcomes.length)
  }

  async release(jobIds: string[], dueAt: number): Promise<void> {
    const ids = jobIds.map(parseId).filter((id): id is number => id !== undefined)
    if (ids.length === 0) return
    await this.pool.query(
      `UPDATE jobs SET due_at = $2, lease_worker = NULL, lease_until = NULL
       WHERE id = ANY($1::bigint[]) AND state = 'pending'`,
      [ids, dueAt]
    )
  }

  async replayDeadLetters(
    selection: { jobIds: string[] } | { instance?: string; subscriptionId?: string; all: true },
    now: number
  ): Promise<number> {
    const set = `state = 'pending', due_at = $1, retry_from = $1, attempts = 0, dead_at = NULL`
    if ('jobIds' in selection) {
      const ids = selection.jobIds.map(parseId).filter((id): id is number => id !== undefined)
      const result = await this.pool.query(`UPDATE jobs SET ${set} WHERE id = ANY($2::bigint[]) AND state = 'dead'`, [
        now,
        ids
      ])
      return result.rowCount ?? 0
    }
    const result = await this.pool.query(
      `UPDATE jobs SET ${set} WHERE state = 'dead'
         AND ($2::text IS NULL OR instance = $2) AND ($3::text IS NULL OR subscription_id = $3)`,
      [now, selection.instance ?? null, selection.subscriptionId ?? null]
    )
    return result.rowCount ?? 0
  }

  async prune(before: number): Promise<void> {
    await prunePostgres(this.pool, { before, now: this.now(), attemptsPerSubscription: this.attemptsPerSubscription })
  }
}
