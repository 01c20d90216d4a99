// Where the session survives page loads: localStorage, or memory when storage is unavailable
// (private modes, sandboxed frames, full quota).

export const SESSION_ID_KEY = 'analytics_session_id'
export const LAST_ACCESS_KEY = 'analytics_session_id.last_access'

const memory = new Map<string, string>()

function storage(): Storage | undefined {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : undefined
  } catch {
    return undefined
  }
}

export function readNumber(key: string): number | undefined {
  let raw: string | null | undefined
  try {
    raw = storage()?.getItem(key)
  } catch {
    raw = undefined
  }
  raw = raw ?? memory.get(key)
  if (raw === undefined || raw === null) return undefined
  const value = Number(raw)
  return Number.isFinite(value) && value > 0 ? value : undefined
}

export function writeNumber(key: string, value: number): void {
  memory.set(key, String(value))
  try {
    storage()?.setItem(key, String(value))
  } catch {
    // Memory keeps the session for this page.
  }
}
