import { isPlainObject } from '../is-plain-object'

/**
 * Serialises a JSON mapping with its key order (key order shapes the payload). Returns
 * undefined for anything JSON cannot hold exactly (undefined, functions, NaN, dates, cycles):
 * such mappings are cached by identity only.
 */
export function contentKey(value: unknown, maxLength: number): string | undefined {
  const parts: string[] = []
  let length = 0
  const seen = new Set<object>()
  const visit = (node: unknown): boolean => {
    let text: string
    if (node === null || typeof node === 'boolean' || typeof node === 'string') text = JSON.stringify(node)
    else if (typeof node === 'number') {
      if (!Number.isFinite(node)) return false
      text = JSON.stringify(node)
    } else if (Array.isArray(node)) {
      if (seen.has(node)) return false
      seen.add(node)
      parts.push('[')
      for (let i = 0; i < node.length; i++) {
        if (i > 0) parts.push(',')
        if (!(i in node) || !visit(node[i])) return false
      }
      parts.push(']')
      seen.delete(node)
      return true
    } else if (typeof node === 'object') {
      if (!isPlainObject(node) || seen.has(node)) return false
      seen.add(node)
      parts.push('{')
      let first = true
      for (const key of Object.keys(node)) {
        if (!first) parts.push(',')
        first = false
        parts.push(JSON.stringify(key), ':')
        if (!visit((node as Record<string, unknown>)[key])) return false
      }
      parts.push('}')
      seen.delete(node)
      return true
    } else return false
    length += text.length
    parts.push(text)
    return length <= maxLength
  }
  return visit(value) ? parts.join('') : undefined
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
