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

function readRaw(key: string): string | null | undefined {
  const store = storage()
  if (store) {
    try {
      return store.getItem(key)
    } catch {
      // Storage that throws on read (e.g. blocked cookies) falls back to memory.
    }
  }
  return memory.get(key)
}

export function readNumber(key: string): number | undefined {
  const raw = readRaw(key)
  if (raw === undefined || raw === null) return undefined
  const value = Number(raw)
  return Number.isFinite(value) && value > 0 ? value : undefined
}

export function writeNumber(key: string, value: number): void {
  const store = storage()
  if (store) {
    try {
      store.setItem(key, String(value))
      return
    } catch {
      // A full or blocked storage: memory keeps the session for this page.
    }
  }
  memory.set(key, String(value))
}
