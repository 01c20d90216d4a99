// Secret settings in admin API answers: masked on the way out; a masked value sent back unchanged
// means "keep the stored one", so a client can GET, edit something else and PUT back.
import type { RegistryEntry } from './registry'

export const MASKED = '********'

const SECRET_NAME = /secret|passw|token|api[_-]?key|apikey|private|credential|signing|auth/i

/** Password-type fields of the destination, and names that look secret. */
export function isSecretSetting(name: string, entry: RegistryEntry | undefined): boolean {
  const field = entry?.definition.authentication?.fields?.[name] as { type?: string } | undefined
  return field?.type === 'password' || SECRET_NAME.test(name)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** A copy of `settings` with secret values replaced by MASKED (nested objects too, by name). */
export function maskSettings(
  settings: Record<string, unknown>,
  entry: RegistryEntry | undefined
): Record<string, unknown> {
  const masked: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(settings)) {
    if (isSecretSetting(key, entry) && value !== undefined && value !== null && value !== '') {
      Object.defineProperty(masked, key, { value: MASKED, enumerable: true, writable: true, configurable: true })
    } else {
      const copy = isRecord(value) ? maskSettings(value, undefined) : value
      Object.defineProperty(masked, key, { value: copy, enumerable: true, writable: true, configurable: true })
    }
  }
  return masked
}

/** `incoming` with every MASKED value replaced by the stored value at the same place. */
export function unmaskSettings(incoming: unknown, stored: unknown): unknown {
  if (!isRecord(incoming)) return incoming
  const result: Record<string, unknown> = {}
  const previous = isRecord(stored) ? stored : {}
  for (const [key, value] of Object.entries(incoming)) {
    const old = Object.prototype.hasOwnProperty.call(previous, key) ? previous[key] : undefined
    const next = value === MASKED && old !== undefined ? old : isRecord(value) ? unmaskSettings(value, old) : value
    Object.defineProperty(result, key, { value: next, enumerable: true, writable: true, configurable: true })
  }
  return result
}
