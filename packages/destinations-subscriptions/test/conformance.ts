// Decoding of the conformance corpus' tags for values JSON cannot hold (see the corpus README).
import * as fs from 'fs'
import * as path from 'path'

type Tagged = { $conformance: string; [key: string]: unknown }

const isTagged = (value: unknown): value is Tagged =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as Tagged).$conformance === 'string'

export function decode(value: unknown): unknown {
  if (isTagged(value)) {
    switch (value.$conformance) {
      case 'undefined':
        return undefined
      case 'NaN':
        return NaN
      case 'Infinity':
        return Infinity
      case '-Infinity':
        return -Infinity
      default:
        throw new Error(`Unsupported conformance tag ${value.$conformance}`)
    }
  }
  if (Array.isArray(value)) return value.map(decode)
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) out[key] = decode(item)
    return out
  }
  return value
}

export function encode(value: unknown): unknown {
  if (value === undefined) return { $conformance: 'undefined' }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return { $conformance: Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity' }
  }
  if (typeof value === 'function') return { $conformance: 'function' }
  if (Array.isArray(value)) return value.map(encode)
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = encode(item)
    return out
  }
  return value
}

export interface ConformanceCase {
  name: string
  feature: string
  defect?: string
  [key: string]: unknown
}

export function loadCases(file: string): ConformanceCase[] {
  const text = fs.readFileSync(path.join(__dirname, 'fixtures', 'conformance', file), 'utf8')
  return JSON.parse(text) as ConformanceCase[]
}

const ENGINE_ERRORS = ['TypeError', 'ReferenceError', 'RangeError', 'SyntaxError', 'URIError', 'EvalError']

/** True for the JavaScript engine's own error classes, which must never escape or be returned. */
export function isEngineError(error: unknown): boolean {
  return (
    error instanceof TypeError ||
    error instanceof ReferenceError ||
    error instanceof RangeError ||
    error instanceof SyntaxError ||
    error instanceof URIError ||
    error instanceof EvalError ||
    (error instanceof Error && ENGINE_ERRORS.includes(error.name))
  )
}
