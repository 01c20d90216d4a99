// Decoding and encoding of the conformance files' tags for values JSON cannot hold.
type Tag = { $conformance: string; value?: unknown; name?: string; message?: string }

function isTag(value: unknown): value is Tag {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    typeof (value as Tag).$conformance === 'string'
  )
}

export function decode(value: unknown): unknown {
  if (isTag(value)) {
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
        throw new Error(`cannot decode tag ${value.$conformance}`)
    }
  }
  if (Array.isArray(value)) return value.map(decode)
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value)) {
      Object.defineProperty(out, key, {
        value: decode((value as Record<string, unknown>)[key]),
        enumerable: true,
        writable: true,
        configurable: true
      })
    }
    return out
  }
  return value
}

export function encode(value: unknown): unknown {
  if (value === undefined) return { $conformance: 'undefined' }
  if (typeof value === 'number' && !Number.isFinite(value)) return { $conformance: String(value) }
  if (typeof value === 'function') return { $conformance: 'function' }
  if (Array.isArray(value)) return value.map(encode)
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key]
      if (item !== undefined) out[key] = encode(item)
    }
    return out
  }
  return value
}

export const ENGINE_ERRORS = ['TypeError', 'ReferenceError', 'RangeError', 'SyntaxError', 'URIError', 'EvalError']

/** The messages inside an error: an aggregate's inner messages, else its own. */
export function messagesOf(error: unknown): string[] {
  const inner = (error as { errors?: unknown }).errors
  if (Array.isArray(inner)) return inner.map((item) => (item as Error).message)
  return [(error as Error).message]
}
