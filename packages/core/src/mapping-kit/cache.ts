import { isPlainObject } from '../is-plain-object'

const hasOwnProperty = Object.prototype.hasOwnProperty

/**
 * Serialises a JSON mapping with its key order (key order shapes the payload). Returns
 * undefined for anything JSON cannot hold exactly (undefined, functions, NaN, -0, dates, cycles,
 * holes): such mappings are cached by identity only, since their JSON text would stand for a
 * different mapping.
 */
export function contentKey(value: unknown, maxLength: number): string | undefined {
  // The engine's serialiser is several times faster than building the text here; a separate
  // read-only walk then checks that the text says exactly what the value holds.
  let text: string | undefined
  try {
    text = JSON.stringify(value)
    if (text === undefined || text.length > maxLength || !isJsonExact(value)) return undefined
  } catch {
    return undefined
  }
  return text
}

/** True when JSON.stringify writes the value without loss (run after it succeeded: no cycles). */
function isJsonExact(node: unknown): boolean {
  if (node === null || typeof node === 'string' || typeof node === 'boolean') return true
  if (typeof node === 'number') return Number.isFinite(node) && !Object.is(node, -0)
  if (typeof node !== 'object') return false
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) if (!(i in node) || !isJsonExact(node[i])) return false
    return true
  }
  if (!isPlainObject(node)) return false
  const record = node as Record<string, unknown>
  for (const key in record) {
    if (!hasOwnProperty.call(record, key)) return false
    if (!isJsonExact(record[key])) return false
  }
  return true
}

/** A least-recently-used map bounded by entry count and by the total length of its keys. */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>()
  private keyLength = 0

  constructor(
    private readonly maxEntries: number,
    private readonly maxKeyLength: number
  ) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key)
    if (value !== undefined) {
      this.entries.delete(key)
      this.entries.set(key, value)
    }
    return value
  }

  set(key: string, value: V): void {
    if (key.length > this.maxKeyLength) return
    if (this.entries.has(key)) {
      this.entries.delete(key)
      this.keyLength -= key.length
    }
    this.entries.set(key, value)
    this.keyLength += key.length
    while (this.entries.size > this.maxEntries || this.keyLength > this.maxKeyLength) {
      const oldest = this.entries.keys().next().value as string
      this.entries.delete(oldest)
      this.keyLength -= oldest.length
    }
  }

  get size(): number {
    return this.entries.size
  }

  clear(): void {
    this.entries.clear()
    this.keyLength = 0
  }
}
