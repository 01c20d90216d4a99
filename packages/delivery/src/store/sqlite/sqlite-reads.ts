// The SQLite store's reads (console and /metrics), and the prepared-statement cache its writes
// share. Filters are composed into SQL text so that each combination gets a plan that uses
// its index; the cache keeps one prepared statement per text.
import type Database from 'better-sqlite3'
import type { DeadLetterQuery, EventQuery } from '../store'
import type { CountRow, DeadLetter, EventSummary, JobState, QueueDepth, StoredAttempt } from '../types'
import { mergeDepths } from '../shared/depths'
import { decodeAttempt, parseId } from '../shared/records'
import { toDeadLetter, toJobState, toSummary, type DeadRow, type EventRow, type JobRow } from '../shared/rows'

const EVENT_COLUMNS = 'id, source, message_id, received_at, type, name'

export abstract class SqliteReads {
  private readonly statements = new Map<string, Database.Statement>()

  protected constructor(protected readonly db: Database.Database) {}

  protected stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.db.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }

  async listDeadLetters(query: DeadLetterQuery): Promise<DeadLetter[]> {
    const where = ["j.state = 'dead'"]
    if (query.instance !== undefined) where.push('j.instance = @instance')
    if (query.subscriptionId !== undefined) where.push('j.subscription_id = @subscriptionId')
    if (query.before !== undefined) where.push('j.dead_at < @before')
    const rows = this.stmt(
      `SELECT j.id, j.event_id, j.instance, j.subscription_id, j.action, j.group_key, j.attempts, j.retry_from,
         j.dead_at, j.last_error, e.message_id, e.source, e.received_at, e.body
       FROM jobs j JOIN events e ON e.id = j.event_id
       WHERE ${where.join(' AND ')} ORDER BY j.dead_at DESC, j.id DESC LIMIT @limit`
    ).all(named(query)) as DeadRow[]
    return rows.map(toDeadLetter)
  }

  async recentEvents(query: EventQuery): Promise<EventSummary[]> {
    const where: string[] = []
    if (query.source !== undefined) where.push('source = @source')
    if (query.type !== undefined) where.push('type = @type')
    if (query.name !== undefined) where.push('name = @name')
    if (query.beforeId !== undefined) where.push('id < @beforeId')
    const rows = this.stmt(
      `SELECT ${EVENT_COLUMNS} FROM events ${whereClause(where)} ORDER BY id DESC LIMIT @limit`
    ).all(named({ ...query, beforeId: beforeIdOf(query.beforeId) })) as EventRow[]
    return rows.map(toSummary)
  }

  async getEvent(
    idOrMessageId: string
  ): Promise<{ summary: EventSummary; body: string; jobs: JobState[] } | undefined> {
    const id = parseId(idOrMessageId)
    type Row = EventRow & { body: string }
    let row =
      id === undefined
        ? undefined
        : (this.stmt(`SELECT ${EVENT_COLUMNS}, body FROM events WHERE id = ?`).get(id) as Row | undefined)
    row ??= this.stmt(`SELECT ${EVENT_COLUMNS}, body FROM events WHERE message_id = ? ORDER BY id DESC LIMIT 1`).get(
      idOrMessageId
    ) as Row | undefined
    if (!row) return undefined
    const jobs = this.stmt(
      `SELECT id, instance, subscription_id, action, state, attempts, due_at, last_error
       FROM jobs WHERE event_id = ? ORDER BY id`
    ).all(row.id) as JobRow[]
    return { summary: toSummary(row), body: row.body, jobs: jobs.map(toJobState) }
  }

  async recentAttempts(query: {
    instance?: string
    subscriptionId?: string
    limit: number
    beforeId?: string
  }): Promise<StoredAttempt[]> {
    const where: string[] = []
    if (query.instance !== undefined) where.push('instance = @instance')
    if (query.subscriptionId !== undefined) where.push('subscription_id = @subscriptionId')
    if (query.beforeId !== undefined) where.push('id < @beforeId')
    const rows = this.stmt(`SELECT id, body FROM attempts ${whereClause(where)} ORDER BY id DESC LIMIT @limit`).all(
      named({ ...query, beforeId: beforeIdOf(query.beforeId) })
    ) as { id: number; body: string }[]
    return rows.map((row) => ({ ...decodeAttempt(row.body), id: String(row.id) }))
  }

  async counts(query: { since: number; instance?: string; subscriptionId?: string }): Promise<CountRow[]> {
    const where = ['minute >= @since']
    if (query.instance !== undefined) where.push('instance = @instance')
    if (query.subscriptionId !== undefined) where.push('subscription_id = @subscriptionId')
    const rows = this.stmt(
      `SELECT minute, instance, subscription_id, metric, code, count FROM counts ${whereClause(where)}
       ORDER BY minute, instance, subscription_id, metric, code`
    ).all(named(query)) as (Omit<CountRow, 'subscriptionId'> & { subscription_id: string })[]
    return rows.map(({ subscription_id, ...rest }) => ({ ...rest, subscriptionId: subscription_id }))
  }

  async queueDepths(): Promise<QueueDepth[]> {
    const rows = this.stmt(
      `SELECT instance, subscription_id, state, count(*) AS n FROM jobs WHERE state = 'pending'
         GROUP BY instance, subscription_id
       UNION ALL
       SELECT instance, subscription_id, state, count(*) AS n FROM jobs WHERE state = 'dead'
         GROUP BY instance, subscription_id`
    ).all() as { instance: string; subscription_id: string; state: 'pending' | 'dead'; n: number }[]
    return mergeDepths(rows)
  }
}

function whereClause(conditions: string[]): string {
  return conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`
}

/** A paging id that is not a store id pages past everything: nothing is before it. */
function beforeIdOf(beforeId: string | undefined): number | undefined {
  if (beforeId === undefined) return undefined
  return parseId(beforeId) ?? 0
}

/** better-sqlite3 binds named parameters from an object; undefined values are left out. */
function named(values: object): Record<string, unknown> {
  const bound: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(values)) if (value !== undefined) bound[key] = value
  return bound
}
