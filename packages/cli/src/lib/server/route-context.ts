import type { RuntimeDestination } from '../core-runtime'
import type { JsonRecord } from './body'
import type { Exchange } from './exchanges'

/** How much one request may make the destination send. */
export interface FanOutLimits {
  /** Events in one request (`events` of a batch or a tester delivery). */
  maxEvents: number
  /** Calls to `perform` / `performBatch` one request may make. */
  maxCalls: number
}

export const DEFAULT_LIMITS: FanOutLimits = { maxEvents: 1000, maxCalls: 100 }

/** What a route handler gets besides the request: its own destination instance and the checks. */
export interface RouteContext {
  destination: RuntimeDestination
  limits: FanOutLimits
  /** The exchanges this request made so far, secrets masked. */
  exchanges(): Exchange[]
  /** Throws a 400 naming the setting when the settings do not fit the authentication fields. */
  checkSettings(settings: unknown, route: string): void
  /** Throws a 400 when the mapping is invalid; returns warnings (unknown field keys). */
  checkMapping(mapping: JsonRecord, actionKey: string, route: string): string[]
  /** Text with this request's secrets masked (see @action-destinations/delivery/safety). */
  redact(text: string): string
  /** Logs a warning about this request. */
  warn(message: string): void
}
