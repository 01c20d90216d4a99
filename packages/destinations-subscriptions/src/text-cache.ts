import { exactTextPattern } from './exact-text'
import { LruCache } from './lru-cache'

// Two recent texts per length (modulo 256): same-length texts used in turn both stay.
const FRONT_LENGTHS = 256
// Longer texts are rare and hashing them costs little next to what is done with them.
const FRONT_MAX_LENGTH = 1000

/**
 * Values cached by text content: a fresh copy of the same string (a slice, a JSON.parse result)
 * finds the same entry. A recent text is recognised by testing it against the exact-text
 * patterns of the (at most two) recent texts of its length, which costs less than hashing a
 * sliced string for a Map lookup; the others go through a bounded LRU map.
 */
export class TextCache<V> {
  private readonly byText: LruCache<string, V>
  private readonly frontPatterns = new Array<RegExp | undefined>(FRONT_LENGTHS * 2).fill(undefined)
  private readonly frontValues = new Array<V | undefined>(FRONT_LENGTHS * 2).fill(undefined)
  private readonly patterns = new WeakMap<object, RegExp>()

  constructor(capacity: number) {
    this.byText = new LruCache<string, V>(capacity)
  }

  get(text: string): V | undefined {
    const slot = (text.length & (FRONT_LENGTHS - 1)) << 1
    const newest = this.frontPatterns[slot]
    if (newest !== undefined && newest.test(text)) return this.frontValues[slot]
    const older = this.frontPatterns[slot + 1]
    if (older !== undefined && older.test(text)) return this.frontValues[slot + 1]
    const value = this.byText.get(text)
    if (value !== undefined) this.promote(text, value, slot)
    return value
  }

  set(text: string, value: V): void {
    this.byText.set(text, value)
  }

  clear(): void {
    this.byText.clear()
    this.frontPatterns.fill(undefined)
    this.frontValues.fill(undefined)
  }

  /** Puts a text found in the LRU map at the front: the newest of its length goes first. */
  private promote(text: string, value: V, slot: number): void {
    if (text.length > FRONT_MAX_LENGTH || typeof value !== 'object' || value === null) return
    let pattern = this.patterns.get(value)
    if (pattern === undefined) {
      pattern = exactTextPattern(text)
      this.patterns.set(value, pattern)
    }
    this.frontPatterns[slot + 1] = this.frontPatterns[slot]
    this.frontValues[slot + 1] = this.frontValues[slot]
    this.frontPatterns[slot] = pattern
    this.frontValues[slot] = value
  }
}
