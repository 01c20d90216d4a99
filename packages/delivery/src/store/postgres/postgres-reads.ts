// The PostgreSQL store's reads (console and /metrics). Filters are composed into the SQL text
// with numbered parameters, so each combination gets a plan that uses its index.
import type { Pool } from 'pg'
import type { DeadLetterQuery, EventQuery } from '../store'
import type { CountRow, DeadLetter, EventSummary, JobState, QueueDepth, StoredAttempt } from '../types'
import { decodeAttempt, parseId } from '../shared/records'
import { toDeadLetter, toJobState, toSummary, type DeadRow, type EventRow, type JobRow } from '../shared/rows'
import { mergeDepths } from '../shared/depths'

const EVENT_COLUMNS = 'id, source, message_id, received_at, type, name'

/** Collects conditions and their parameters: `add("instance = ?", value)` numbers the placeholder. */
class Filter {
  readonly params: unknown[] = []

  constructor(readonly conditions: string[] = []) {}

  add(condition: string, value: unknown): this {
    if (value === undefined) return this
    this.params.push(value)
    this.conditions.push(condition.replace('?', `$${this.params.length}`))
    return this
  }

  where(): string {
    return this.conditions.length === 0 ? '' : `WHERE ${this.conditions.join(' AND ')}`
  }

  /** The placeholder of one more parameter (e.g. the limit). */
  param(value: unknown): string {
    this.params.push(value)
    return `$${this.params.length}`
  }
}

/** A paging id that is not a store id pages past everything: nothing is before it. */
function beforeIdOf(beforeId: string | undefined): number | undefined {
  if (beforeId === undefined) return undefined
  return parseId(beforeId) ?? 0
}

export abstract class PostgresReads {
  protected constructor(protected readonly pool: Pool) {}

  async listDeadLetters(query: DeadLetterQuery): Promise<DeadLetter[]> {
    const filter = new Filter(["j.state = 'dead'"])
      .add('j.instance = ?', query.instance)
      .add('j.subscription_id = ?', query.subscriptionId)
      .add('j.dead_at < ?', query.before)
    const { rows } = await this.pool.query<DeadRow>(
      `SELECT j.id, j.event_id, j.instance, j.subscription_id, j.action, j.group_key, j.attempts, j.retry_from,
         j.dead_at, j.last_error, e.message_id, e.source, e.received_at, e.body
       FROM jobs j JOIN events e ON e.id = j.event_id
       ${filter.where()} ORDER BY j.dead_at DESC, j.id DESC LIMIT ${filter.param(query.limit)}`,
      filter.params
    )
    return rows.map(toDeadLetter)
  }

  async recentEvents(query: EventQuery): Promise<EventSummary[]> {
    const filter = new Filter()
      .add('source = ?', query.source)
      .add('type = ?', query.type)
      .add('name = ?', query.name)
      .add('id < ?', beforeIdOf(query.beforeId))
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events ${filter.where()} ORDER BY id DESC LIMIT ${filter.param(query.limit)}`,
      filter.params
    )
    return rows.map(toSummary)
  }

  async getEvent(
    idOrMessageId: string
  ): Promise<{ summary: EventSummary; body: string; jobs: JobState[] } | undefined> {
    type Row = EventRow & { body: string }
    const id = parseId(idOrMessageId)
    let row: Row | undefined
    if (id !== undefined) {
      row = (await this.pool.query<Row>(`SELECT ${EVENT_COLUMNS}, body FROM events WHERE id = $1`, [id])).rows[0]
    }
    row ??= (
      await this.pool.query<Row>(
        `SELECT ${EVENT_COLUMNS}, body FROM events WHERE message_id = $1 ORDER BY id DESC LIMIT 1`,
        [idOrMessageId]
      )
    ).rows[0]
    if (!row) return undefined
    const { rows: jobs } = await this.pool.query<JobRow>(
      `SELECT id, instance, subscription_id, action, state, attempts, due_at, last_error
       FROM jobs WHERE event_id = $1 ORDER BY id`,
      [row.id]
    )
    return { summary: toSummary(row), body: row.body, jobs: jobs.map(toJobState) }
  }

  async recentAttempts(query: {
    instance?: string
    subscriptionId?: string
    limit: number
    beforeId?: string
  }): Promise<StoredAttempt[]> {
    const filter = new Filter()
      .add('instance = ?', query.instance)
      .add('subscription_id = ?', query.subscriptionId)
      .add('id < ?', beforeIdOf(query.beforeId))
    const { rows } = await this.pool.query<{ id: number; body: string }>(
      `SELECT id, body FROM attempts ${filter.where()} ORDER BY id DESC LIMIT ${filter.param(query.limit)}`,
      filter.params
    )
    return rows.map((row) => ({ ...decodeAttempt(row.body), id: String(row.id) }))
  }

  async counts(query: { since: number; instance?: string; subscriptionId?: string }): Promise<CountRow[]> {
    const filter = new Filter()
      .add('minute >= ?', query.since)
      .add('instance = ?', query.instance)
      .add('subscription_id = ?', query.subscriptionId)
    const { rows } = await this.pool.query<Omit<CountRow, 'subscriptionId'> & { subscription_id: string }>(
      `SELECT minute, instance, subscription_id, metric, code, count FROM counts ${filter.where()}
       ORDER BY minute, instance, subscription_id, metric, code`,
      filter.params
    )
    return rows.map(({ subscription_id, ...rest }) => ({ ...rest, subscriptionId: subscription_id }))
  }

  async queueDepths(): Promise<QueueDepth[]> {
    const { rows } = await this.pool.query<{
      instance: string
      subscription_id: string
      state: 'pending' | 'dead'
      n: number
    }>(
      `SELECT instance, subscription_id, state, count(*)::int AS n FROM jobs WHERE state = 'pending'
         GROUP BY instance, subscription_id, state
       UNION ALL
       SELECT instance, subscription_id, state, count(*)::int AS n FROM jobs WHERE state = 'dead'
         GROUP BY instance, subscription_id, state`
    )
    return mergeDepths(rows)
  }
}
