// Conversions shared by both stores between rows and the records of ../types.
import type { EngineConfig } from '../../config/types'
import type { AttemptRecord, JobError } from '../types'

export function encodeError(error: JobError | undefined): string | null {
  return error === undefined ? null : JSON.stringify(error)
}

export function decodeError(text: string | null | undefined): JobError | undefined {
  if (text === null || text === undefined) return undefined
  return JSON.parse(text) as JobError
}

/** Attempts are kept as one JSON text (they are read whole, filtered only by instance and subscription). */
export function encodeAttempt(attempt: AttemptRecord): string {
  return JSON.stringify(attempt)
}

export function decodeAttempt(text: string): AttemptRecord {
  return JSON.parse(text) as AttemptRecord
}

/**
 * Returns a copy of `config` where instance `instance` has `patch` merged over its settings.
 * Own keys only, and `__proto__` is written as a plain key, so a patch cannot change prototypes.
 */
export function withInstanceSettings(
  config: EngineConfig,
  instance: string,
  patch: Record<string, unknown>
): EngineConfig {
  const index = config.destinations.findIndex((destination) => destination.name === instance)
  if (index < 0) throw new Error(`updateInstanceSettings: there is no destination instance named "${instance}"`)
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
    throw new Error(`updateInstanceSettings: the settings patch for "${instance}" must be an object`)
  }
  const settings: Record<string, unknown> = {}
  for (const source of [config.destinations[index].settings, patch]) {
    for (const key of Object.keys(source)) {
      Object.defineProperty(settings, key, { value: source[key], enumerable: true, writable: true, configurable: true })
    }
  }
  const destinations = config.destinations.slice()
  destinations[index] = { ...destinations[index], settings }
  return { ...config, destinations }
}

/** Store ids are decimal integers in text; anything else names no row. */
export function parseId(id: string | undefined): number | undefined {
  if (id === undefined || !/^\d{1,15}$/.test(id)) return undefined
  return Number(id)
}
