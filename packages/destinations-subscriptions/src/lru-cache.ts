/** A small least-recently-used cache on top of Map's insertion order. */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>()

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeErrorFree(`LRU capacity must be a positive integer`)
  }

  get size(): number {
    return this.entries.size
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key)
    if (value === undefined) return undefined
    // Re-insert so that the entry becomes the most recent one.
    this.entries.delete(key)
    this.entries.set(key, value)
    return value
  }

  set(key: K, value: V): void {
    if (this.entries.has(key)) this.entries.delete(key)
    else if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next()
      if (!oldest.done) this.entries.delete(oldest.value)
    }
    this.entries.set(key, value)
  }

  clear(): void {
    this.entries.clear()
  }
}

class RangeErrorFree extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LruCacheError'
  }
}
