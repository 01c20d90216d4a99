/**
 * Helpers for the recorded conformance cases (see the conformance README): values JSON cannot
 * hold travel as one-key `{"$conformance": ...}` tag objects.
 */
import * as fs from 'fs'
import * as path from 'path'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Turns tag objects back into the values they stand for. */
export function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode)
  if (!isPlainObject(value)) return value
  const tag = value.$conformance
  if (typeof tag === 'string' && Object.keys(value).length >= 1) {
    switch (tag) {
      case 'undefined':
        return undefined
      case 'NaN':
        return NaN
      case 'Infinity':
        return Infinity
      case '-Infinity':
        return -Infinity
      case 'function':
        return () => undefined
      case 'bigint':
        return BigInt(String(value.value))
      case 'date':
        return new Date(String(value.value))
      case 'error': {
        const error = new Error(String(value.message))
        error.name = String(value.name)
        return error
      }
    }
  }
  const out: Record<string, unknown> = {}
  for (const [key, inner] of Object.entries(value)) out[key] = decode(inner)
  return out
}

/** Encodes a value the way the recordings were encoded, so the two can be compared with toEqual. */
export function encode(value: unknown, seen: Set<unknown> = new Set()): Json | undefined {
  if (value === undefined) return { $conformance: 'undefined' }
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { $conformance: 'NaN' }
    if (value === Infinity) return { $conformance: 'Infinity' }
    if (value === -Infinity) return { $conformance: '-Infinity' }
    return value
  }
  if (typeof value === 'function') return { $conformance: 'function' }
  if (typeof value === 'bigint') return { $conformance: 'bigint', value: value.toString() }
  if (typeof value === 'symbol') return value.toString()
  if (value instanceof Date) return { $conformance: 'date', value: value.toISOString() }
  if (value instanceof Error) return { $conformance: 'error', name: value.name, message: value.message }
  if (seen.has(value)) return { $conformance: 'circular' }
  seen.add(value)
  try {
    if (Array.isArray(value)) return value.map((item) => encode(item, seen) ?? null)
    const out: { [key: string]: Json } = {}
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      // Object properties holding undefined are omitted, as JSON.stringify does.
      if (inner === undefined) continue
      const encoded = encode(inner, seen)
      if (encoded !== undefined) out[key] = encoded
    }
    return out
  } finally {
    seen.delete(value)
  }
}

/** Loads a fixture file from test/fixtures/conformance. */
export function loadCases<T>(file: string): T[] {
  const text = fs.readFileSync(path.join(__dirname, 'fixtures', 'conformance', file), 'utf8')
  return JSON.parse(text) as T[]
}
