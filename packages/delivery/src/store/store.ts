// The one interface every store implements (SQLite embedded, PostgreSQL shared). The contract
// tests in test/store/ run against both. Every method may be called from several processes at
// once on PostgreSQL, so anything that must happen together happens in one transaction.
import type { EngineConfig } from '../config/types'
import type {
  AttemptRecord,
  ClaimedJob,
  CountDelta,
  CountRow,
  DeadLetter,
  EventSummary,
  IngestItem,
  JobOutcome,
  JobState,
  QueueDepth,
  StoredAttempt,
  StoredConfig
} from './types'

export interface ClaimOptions {
  /** Names this worker in leases (process id + random). */
  worker: string
  limit: number
  /** How long the claimed jobs stay ours; after that another worker may take them (crash recovery). */
  leaseMs: number
  now: number
  /** Claim only jobs of these instances (e.g. those not slowed down by a 429). Default: all. */
  instances?: string[]
}

export interface IngestResult {
  /** One entry per item, in order: false where the messageId was already stored for the source within the window. */
  accepted: boolean[]
}

export interface DeadLetterQuery {
  instance?: string
  subscriptionId?: string
  limit: number
  /** Page backwards from this dead time. */
  before?: number
}

export interface EventQuery {
  limit: number
  source?: string
  type?: string
  name?: string
  /** Events received strictly before this id (store-assigned, increasing). */
  beforeId?: string
}

export interface Store {
  /** Creates the schema when missing. Idempotent; safe from several processes at once. */
  init(): Promise<void>
  close(): Promise<void>

  // Configuration.
  loadConfig(): Promise<StoredConfig | undefined>
  /** Replaces the configuration; returns the new version (increasing). */
  saveConfig(config: EngineConfig, seedHash?: string): Promise<number>
  /** Cheap: polled every few hundred milliseconds by every process to pick up changes. */
  configVersion(): Promise<number>
  /** Merges `patch` into one instance's settings (refreshed OAuth tokens); bumps the version. */
  updateInstanceSettings(instance: string, patch: Record<string, unknown>): Promise<void>

  // Ingest: events, their jobs and the counters in one transaction; durable when it resolves.
  /**
   * Stores the items that are not duplicates (same source and messageId stored within `dedupeWindowMs`),
   * with their jobs due at once. `counts` are added as they are; the caller counts only accepted items,
   * so it passes a function that builds them from the acceptance list.
   */
  ingest(
    items: IngestItem[],
    dedupeWindowMs: number,
    countsFor: (accepted: boolean[]) => CountDelta[]
  ): Promise<IngestResult>

  // Jobs.
  /** Takes up to `limit` due jobs (due time <= now, not leased or lease expired), oldest due first. */
  claimJobs(options: ClaimOptions): Promise<ClaimedJob[]>
  /** Records outcomes, counters and attempts in one transaction. Outcomes for jobs this worker no longer leases still apply. */
  settle(outcomes: JobOutcome[], counts: CountDelta[], attempts: AttemptRecord[]): Promise<void>
  /** Gives leased jobs back (shutdown): due at `dueAt`, attempts unchanged. */
  release(jobIds: string[], dueAt: number): Promise<void>

  // Dead letters.
  listDeadLetters(query: DeadLetterQuery): Promise<DeadLetter[]>
  /** Makes dead jobs pending again, due now, with attempts and retry window reset; returns how many. */
  replayDeadLetters(
    selection: { jobIds: string[] } | { instance?: string; subscriptionId?: string; all: true },
    now: number
  ): Promise<number>

  // Reads for the console and /metrics.
  recentEvents(query: EventQuery): Promise<EventSummary[]>
  /** One event by store id or messageId (newest if several sources share it), with its jobs. */
  getEvent(idOrMessageId: string): Promise<{ summary: EventSummary; body: string; jobs: JobState[] } | undefined>
  recentAttempts(query: {
    instance?: string
    subscriptionId?: string
    limit: number
    beforeId?: string
  }): Promise<StoredAttempt[]>
  /** Counter buckets with `minute >= since`. */
  counts(query: { since: number; instance?: string; subscriptionId?: string }): Promise<CountRow[]>
  queueDepths(): Promise<QueueDepth[]>

  /** Deletes delivered events and attempts older than `before`, and dedupe entries out of their window. */
  prune(before: number): Promise<void>
}
