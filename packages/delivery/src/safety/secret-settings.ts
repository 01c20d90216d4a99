// Which settings are secret (password-type fields and secret-looking names), their values (to mask
// them wherever they appear) and the masking of admin answers: a masked value sent back unchanged
// means "keep the stored one", so a client can GET, edit something else and PUT back.
import { isSecretName, REDACTED } from './secret-name'

/** The part of a destination's authentication field that tells a secret. */
export interface SettingField {
  type?: unknown
}

export type SettingFields = Readonly<Record<string, SettingField | undefined>>

// Settings are shallow; nesting deeper than this is not followed.
const MAX_DEPTH = 16

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key)
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

/** A password-type field of the destination, or a name that looks secret. */
export function isSecretSetting(name: string, fields: SettingFields | undefined): boolean {
  const field = fields && hasOwn(fields, name) ? fields[name] : undefined
  return field?.type === 'password' || isSecretName(name)
}

function collectAll(value: unknown, out: string[], depth: number): void {
  if (typeof value === 'string') out.push(value)
  else if (typeof value === 'number') out.push(String(value))
  else if (depth >= MAX_DEPTH) return
  else if (Array.isArray(value)) for (const item of value) collectAll(item, out, depth + 1)
  else if (isRecord(value)) for (const item of Object.values(value)) collectAll(item, out, depth + 1)
}

function collectByName(
  settings: Record<string, unknown>,
  fields: SettingFields | undefined,
  out: string[],
  depth: number
) {
  for (const [key, value] of Object.entries(settings)) {
    if (isSecretSetting(key, fields)) collectAll(value, out, depth + 1)
    // e.g. `oauth`: its access_token and refresh_token are secret, its clientId is not.
    else if (isRecord(value) && depth < MAX_DEPTH) collectByName(value, undefined, out, depth + 1)
  }
}

/**
 * The values to mask for one destination instance or request, in settings order: everything under
 * a secret setting (strings, numbers as text) and secret-named fields of nested objects.
 */
export function secretSettingValues(
  settings: Record<string, unknown> | undefined,
  fields: SettingFields | undefined
): string[] {
  const values: string[] = []
  if (settings) collectByName(settings, fields, values, 0)
  return values
}

/** A copy of `settings` with secret values replaced by REDACTED (nested objects too, by name). */
export function maskSettings(
  settings: Record<string, unknown>,
  fields: SettingFields | undefined
): Record<string, unknown> {
  const masked: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(settings)) {
    if (isSecretSetting(key, fields) && value !== undefined && value !== null && value !== '') {
      define(masked, key, REDACTED)
    } else {
      define(masked, key, isRecord(value) ? maskSettings(value, undefined) : value)
    }
  }
  return masked
}

/** `incoming` with every REDACTED value replaced by the stored value at the same place. */
export function unmaskSettings(incoming: unknown, stored: unknown): unknown {
  if (!isRecord(incoming)) return incoming
  const result: Record<string, unknown> = {}
  const previous = isRecord(stored) ? stored : {}
  for (const [key, value] of Object.entries(incoming)) {
    const old = hasOwn(previous, key) ? previous[key] : undefined
    const next = value === REDACTED && old !== undefined ? old : isRecord(value) ? unmaskSettings(value, old) : value
    define(result, key, next)
  }
  return result
}
