// Routing: which subscriptions an event reaches. Built from the configuration (FQL compiled once
// per subscription) and rebuilt when the configuration changes.
import type { CountDelta, JobSpec } from '../store/types'

export interface RouteDecision {
  /** One job per enabled subscription whose conditions match. */
  jobs: JobSpec[]
  /** received / filtered_no_match / filtered_disabled per subscription of every listening instance. */
  counts: CountDelta[]
}

export interface Router {
  /** Pure and synchronous: `event` is the stamped event ingest is about to store. */
  route(source: string, event: Record<string, unknown>): RouteDecision
}
