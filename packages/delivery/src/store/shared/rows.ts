// Row shapes as both databases return them (PostgreSQL's int8 parsed to numbers), and their conversion to the store's records.
import type { ClaimedJob, DeadLetter, EventSummary, JobState } from '../types'
import { decodeError } from './records'

export interface EventRow {
  id: number
  source: string
  message_id: string
  received_at: number
  type: string
  name: string | null
}

export interface JobRow {
  id: number
  instance: string
  subscription_id: string
  action: string
  state: 'pending' | 'delivered' | 'dead'
  attempts: number
  due_at: number | null
  last_error: string | null
}

export interface ClaimRow {
  id: number
  event_id: number
  instance: string
  subscription_id: string
  action: string
  group_key: string
  attempts: number
  retry_from: number
  message_id: string
  source: string
  received_at: number
  body: string
}

export interface DeadRow extends ClaimRow {
  dead_at: number
  last_error: string | null
}

export function toSummary(row: EventRow): EventSummary {
  const summary: EventSummary = {
    id: String(row.id),
    source: row.source,
    messageId: row.message_id,
    receivedAt: row.received_at,
    type: row.type
  }
  if (row.name !== null) summary.name = row.name
  return summary
}

export function toJobState(row: JobRow): JobState {
  const state: JobState = {
    jobId: String(row.id),
    instance: row.instance,
    subscriptionId: row.subscription_id,
    action: row.action,
    state: row.state,
    attempts: row.attempts
  }
  if (row.state === 'pending' && row.due_at !== null) state.dueAt = row.due_at
  const lastError = decodeError(row.last_error)
  if (lastError) state.lastError = lastError
  return state
}

export function toClaimedJob(row: ClaimRow, leaseUntil: number): ClaimedJob {
  return {
    id: String(row.id),
    eventId: String(row.event_id),
    instance: row.instance,
    subscriptionId: row.subscription_id,
    action: row.action,
    groupKey: row.group_key,
    messageId: row.message_id,
    source: row.source,
    receivedAt: row.received_at,
    body: row.body,
    attempts: row.attempts,
    retryFrom: row.retry_from,
    leaseUntil
  }
}

export function toDeadLetter(row: DeadRow): DeadLetter {
  return {
    jobId: String(row.id),
    instance: row.instance,
    subscriptionId: row.subscription_id,
    action: row.action,
    messageId: row.message_id,
    source: row.source,
    receivedAt: row.received_at,
    deadAt: row.dead_at,
    attempts: row.attempts,
    error: decodeError(row.last_error) ?? { code: 'UNKNOWN', message: 'no error was recorded' },
    body: row.body
  }
}
