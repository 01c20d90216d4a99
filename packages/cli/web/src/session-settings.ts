import type { FieldInfo } from './types'

// Settings live in the tab's sessionStorage (gone when the tab closes), never in localStorage
// or on the server's disk. Passwords only when the author ticks the box that says so.
const PREFIX = 'actions-tester:settings:'

export interface SessionSettings {
  settings: Record<string, unknown>
  keepPasswords: boolean
}

function storage(): Storage | null {
  try {
    return window.sessionStorage
  } catch {
    return null // storage disabled by the browser: settings simply are not kept
  }
}

/** Only known, non-hidden fields come back, and passwords only when they were meant to be kept. */
function keptValues(
  fields: Record<string, FieldInfo>,
  values: Record<string, unknown>,
  keepPasswords: boolean
): Record<string, unknown> {
  const kept: Record<string, unknown> = {}
  for (const key of Object.keys(fields)) {
    if (!Object.prototype.hasOwnProperty.call(values, key)) continue
    if (fields[key].type === 'password' && !keepPasswords) continue
    const value = values[key]
    if (['string', 'number', 'boolean'].includes(typeof value)) kept[key] = value
  }
  return kept
}

export function loadSessionSettings(destination: string, fields: Record<string, FieldInfo>): SessionSettings {
  const text = storage()?.getItem(PREFIX + destination)
  if (!text) return { settings: {}, keepPasswords: false }
  try {
    const parsed = JSON.parse(text) as { settings?: unknown; keepPasswords?: unknown }
    const keepPasswords = parsed.keepPasswords === true
    const values =
      parsed.settings && typeof parsed.settings === 'object' ? (parsed.settings as Record<string, unknown>) : {}
    return { settings: keptValues(fields, values, keepPasswords), keepPasswords }
  } catch {
    return { settings: {}, keepPasswords: false }
  }
}

export function saveSessionSettings(
  destination: string,
  fields: Record<string, FieldInfo>,
  { settings, keepPasswords }: SessionSettings
): void {
  try {
    storage()?.setItem(
      PREFIX + destination,
      JSON.stringify({ keepPasswords, settings: keptValues(fields, settings, keepPasswords) })
    )
  } catch {
    // Quota or privacy mode: keeping settings is a convenience, not worth an error.
  }
}
