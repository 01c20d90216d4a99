// The embedded store: one SQLite file in WAL mode through better-sqlite3. Calls are synchronous
// inside (each is one short transaction) and wrapped in promises for the Store interface.
// Writes use IMMEDIATE transactions, so several processes on one file serialise instead of
// failing on a lock upgrade.
import Database from 'better-sqlite3'
import type { EngineConfig } from '../../config/types'
import type { ClaimOptions, IngestResult, Store } from '../store'
import type { AttemptRecord, ClaimedJob, CountDelta, IngestItem, JobOutcome, StoredConfig } from '../types'
import { aggregateCounts, minuteOf } from '../shared/counts'
import { checkClaimOptions, checkPositiveInteger } from '../shared/options'
import { encodeAttempt, encodeError, withInstanceSettings } from '../shared/records'
import { toClaimedJob, type ClaimRow } from '../shared/rows'
import { DEFAULT_ATTEMPTS_PER_SUBSCRIPTION, type SqliteStoreOptions } from './options'
import { SQLITE_SCHEMA } from './schema'
import { IngestGroup, type IngestRequest } from './ingest-group'
import { ingestSqlite } from './sqlite-ingest'
import { SqliteReads } from './sqlite-reads'
import { deliveredByTime, idList } from './bulk-ids'
import { pruneSqlite } from './sqlite-prune'
import { BACKSTOP_CHECKPOINT_PAGES, WalCheckpointer } from './wal-checkpointer'

const CLAIM_COLUMNS = `j.id, j.event_id, j.instance, j.subscription_id, j.action, j.group_key, j.attempts,
  j.retry_from, e.message_id, e.source, e.received_at, e.body`

export function createSqliteStore(file: string, options: SqliteStoreOptions = {}): Store {
  if (typeof file !== 'string' || file.length === 0) {
    throw new Error('createSqliteStore: the database file must be a non-empty path (or ":memory:")')
  }
  const synchronous = options.synchronous ?? 'normal'
  if (synchronous !== 'normal' && synchronous !== 'full') {
    throw new Error(`createSqliteStore: synchronous must be "normal" or "full", not ${JSON.stringify(synchronous)}`)
  }
  const attemptsPerSubscription = checkPositiveInteger(
    'createSqliteStore: attemptsPerSubscription',
    options.attemptsPerSubscription,
    DEFAULT_ATTEMPTS_PER_SUBSCRIPTION
  )
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000
  let db: Database.Database | undefined
  try {
    db = new Database(file, { timeout: busyTimeoutMs })
    db.pragma('journal_mode = WAL')
    db.pragma(`synchronous = ${synchronous.toUpperCase()}`)
    db.pragma('cache_size = -65536')
    db.pragma('temp_store = MEMORY')
    // After a checkpoint the WAL file is cut back to this size instead of staying at its peak.
    db.pragma('journal_size_limit = 67108864')
  } catch (error) {
    db?.close()
    throw new Error(`createSqliteStore: cannot open "${file}": ${(error as Error).message}`)
  }
  // An in-memory database has no WAL and no second connection.
  const checkpoint =
    file === ':memory:'
      ? undefined
      : { file, synchronous: synchronous === 'full' ? ('FULL' as const) : ('NORMAL' as const), busyTimeoutMs }
  return new SqliteStore(db, options.now ?? Date.now, attemptsPerSubscription, checkpoint)
}

/** How often the checkpoint thread checkpoints (ms). */
const CHECKPOINT_INTERVAL_MS = 100
const SQLITE_DEFAULT_CHECKPOINT_PAGES = 1000

type CheckpointTarget = { file: string; synchronous: 'NORMAL' | 'FULL'; busyTimeoutMs: number }

class SqliteStore extends SqliteReads implements Store {
  private checkpointer: WalCheckpointer | undefined
  private readonly ingestGroup = new IngestGroup((requests) => this.writeIngest(requests))

  constructor(
    db: Database.Database,
    private readonly now: () => number,
    private readonly attemptsPerSubscription: number,
    private readonly checkpoint: CheckpointTarget | undefined
  ) {
    super(db)
  }

  async init(): Promise<void> {
    this.db.exec(SQLITE_SCHEMA)
    if (this.checkpoint && !this.checkpointer) this.startCheckpointer(this.checkpoint)
  }

  private startCheckpointer(target: CheckpointTarget): void {
    this.db.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`)
    this.checkpointer = new WalCheckpointer({
      ...target,
      intervalMs: CHECKPOINT_INTERVAL_MS,
      onFailure: () => {
        // Checkpointing goes back to SQLite's default, on this connection.
        if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_CHECKPOINT_PAGES}`)
      }
    })
  }

  async close(): Promise<void> {
    await this.ingestGroup.drain()
    await this.checkpointer?.close()
    this.checkpointer = undefined
    if (this.db.open) this.db.close()
  }

  async loadConfig(): Promise<StoredConfig | undefined> {
    const row = this.stmt('SELECT version, body, seed_hash FROM config WHERE id = 1').get() as
      { version: number; body: string; seed_hash: string | null } | undefined
    if (!row) return undefined
    const stored: StoredConfig = { version: row.version, config: JSON.parse(row.body) as EngineConfig }
    if (row.seed_hash !== null) stored.seedHash = row.seed_hash
    return stored
  }

  async saveConfig(config: EngineConfig, seedHash?: string): Promise<number> {
    return this.writeConfig(JSON.stringify(config), seedHash ?? null)
  }

  private writeConfig(body: string, seedHash: string | null): number {
    const row = this.stmt(
      `INSERT INTO config (id, version, body, seed_hash) VALUES (1, 1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET version = config.version + 1, body = excluded.body,
         seed_hash = coalesce(excluded.seed_hash, config.seed_hash)
       RETURNING version`
    ).get(body, seedHash) as { version: number }
    return row.version
  }

  async configVersion(): Promise<number> {
    const row = this.stmt('SELECT version FROM config WHERE id = 1').get() as { version: number } | undefined
    return row?.version ?? 0
  }

  async updateInstanceSettings(instance: string, patch: Record<string, unknown>): Promise<void> {
    this.db
      .transaction(() => {
        const row = this.stmt('SELECT body FROM config WHERE id = 1').get() as { body: string } | undefined
        if (!row) throw new Error(`updateInstanceSettings: there is no configuration yet (instance "${instance}")`)
        const updated = withInstanceSettings(JSON.parse(row.body) as EngineConfig, instance, patch)
        this.writeConfig(JSON.stringify(updated), null)
      })
      .immediate()
  }

  async ingest(
    items: IngestItem[],
    dedupeWindowMs: number,
    countsFor: (accepted: boolean[]) => CountDelta[]
  ): Promise<IngestResult> {
    return { accepted: await this.ingestGroup.add({ items, dedupeWindowMs, countsFor }) }
  }

  private writeIngest(requests: IngestRequest[]): boolean[][] {
    return this.db
      .transaction(() => {
        const deltas: CountDelta[] = []
        const results = requests.map((request) => {
          const accepted = ingestSqlite((sql) => this.stmt(sql), request.items, request.dedupeWindowMs)
          for (const delta of request.countsFor(accepted)) deltas.push(delta)
          return accepted
        })
        this.addCounts(deltas)
        return results
      })
      .immediate()
  }

  private addCounts(deltas: CountDelta[]): void {
    const rows = aggregateCounts(deltas)
    if (rows.length === 0) return
    const upsert = this.stmt(
      `INSERT INTO counts (minute, instance, subscription_id, metric, code, count) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET count = count + excluded.count`
    )
    const minute = minuteOf(this.now())
    for (const row of rows) upsert.run(minute, row.instance, row.subscriptionId, row.metric, row.code, row.count)
  }

  async claimJobs(options: ClaimOptions): Promise<ClaimedJob[]> {
    checkClaimOptions(options)
    if (options.limit <= 0 || (options.instances && options.instances.length === 0)) return []
    const leaseUntil = options.now + options.leaseMs
    const select = options.instances
      ? this.stmt(
          `SELECT ${CLAIM_COLUMNS} FROM jobs j JOIN events e ON e.id = j.event_id
           WHERE j.state = 'pending' AND j.due_at <= ? AND j.instance IN (SELECT value FROM json_each(?))
           ORDER BY j.due_at LIMIT ?`
        )
      : this.stmt(
          `SELECT ${CLAIM_COLUMNS} FROM jobs j JOIN events e ON e.id = j.event_id
           WHERE j.state = 'pending' AND j.due_at <= ? ORDER BY j.due_at LIMIT ?`
        )
    // The lease end becomes the due time: an expired lease makes the job claimable again. One
    // statement for all the claimed ids (a JSON array) instead of one call per job.
    const lease = this.stmt(
      'UPDATE jobs SET lease_worker = ?, lease_until = ?, due_at = ? WHERE id IN (SELECT value FROM json_each(?))'
    )
    return this.db
      .transaction(() => {
        const rows = (
          options.instances
            ? select.all(options.now, JSON.stringify(options.instances), options.limit)
            : select.all(options.now, options.limit)
        ) as ClaimRow[]
        if (rows.length > 0) lease.run(options.worker, leaseUntil, leaseUntil, idList(rows.map((row) => row.id)))
        return rows.map((row) => toClaimedJob(row, leaseUntil))
      })
      .immediate()
  }

  async settle(outcomes: JobOutcome[], counts: CountDelta[], attempts: AttemptRecord[]): Promise<void> {
    const delivered = this.stmt(
      `UPDATE jobs SET state = 'delivered', delivered_at = ?, due_at = NULL, lease_worker = NULL,
         lease_until = NULL, attempts = attempts + 1
       WHERE id IN (SELECT value FROM json_each(?)) AND state = 'pending'`
    )
    const retry = this.stmt(
      `UPDATE jobs SET due_at = ?, last_error = ?, lease_worker = NULL, lease_until = NULL,
         attempts = attempts + 1 WHERE id = ? AND state = 'pending'`
    )
    const dead = this.stmt(
      `UPDATE jobs SET state = 'dead', dead_at = ?, last_error = ?, due_at = NULL, lease_worker = NULL,
         lease_until = NULL, attempts = attempts + 1 WHERE id = ? AND state = 'pending'`
    )
    const insertAttempt = this.stmt('INSERT INTO attempts (instance, subscription_id, at, body) VALUES (?, ?, ?, ?)')
    this.db
      .transaction(() => {
        // Deliveries in one statement per delivery time (a batch shares one).
        for (const [at, jobIds] of deliveredByTime(outcomes)) delivered.run(at, idList(jobIds))
        for (const outcome of outcomes) {
          if (outcome.kind === 'delivered') continue
          if (outcome.kind === 'retry') retry.run(outcome.dueAt, encodeError(outcome.error), outcome.jobId)
          else dead.run(outcome.at, encodeError(outcome.error), outcome.jobId)
        }
        this.addCounts(counts)
        for (const attempt of attempts) {
          insertAttempt.run(attempt.instance, attempt.subscriptionId, attempt.at, encodeAttempt(attempt))
        }
      })
      .immediate()
  }

  async release(jobIds: string[], dueAt: number): Promise<void> {
    const release = this.stmt(
      `UPDATE jobs SET due_at = ?, lease_worker = NULL, lease_until = NULL WHERE id = ? AND state = 'pending'`
    )
    this.db.transaction(() => jobIds.forEach((id) => release.run(dueAt, id))).immediate()
  }

  async replayDeadLetters(
    selection: { jobIds: string[] } | { instance?: string; subscriptionId?: string; all: true },
    now: number
  ): Promise<number> {
    const set = `state = 'pending', due_at = @now, retry_from = @now, attempts = 0, dead_at = NULL`
    if ('jobIds' in selection) {
      const replay = this.stmt(`UPDATE jobs SET ${set} WHERE id = @id AND state = 'dead'`)
      return this.db
        .transaction(() => selection.jobIds.reduce((sum, id) => sum + replay.run({ now, id }).changes, 0))
        .immediate()
    }
    const filters = [selection.instance === undefined ? '' : 'AND instance = @instance']
    if (selection.subscriptionId !== undefined) filters.push('AND subscription_id = @subscriptionId')
    return this.stmt(`UPDATE jobs SET ${set} WHERE state = 'dead' ${filters.join(' ')}`).run({
      now,
      instance: selection.instance ?? null,
      subscriptionId: selection.subscriptionId ?? null
    }).changes
  }

  async prune(before: number): Promise<void> {
    await pruneSqlite(this.db, (sql) => this.stmt(sql), {
      before,
      now: this.now(),
      attemptsPerSubscription: this.attemptsPerSubscription
    })
  }
}
