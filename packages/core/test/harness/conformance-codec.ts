// Encoding of values JSON cannot hold, as the conformance README describes.
type Dict = Record<string, unknown>

export function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode)
  if (value !== null && typeof value === 'object') {
    const tag = (value as Dict).$conformance
    if (typeof tag === 'string' && Object.keys(value).length === 1) {
      if (tag === 'undefined') return undefined
      if (tag === 'NaN') return NaN
      if (tag === 'Infinity') return Infinity
      if (tag === '-Infinity') return -Infinity
    }
    const out: Dict = {}
    for (const key of Object.keys(value)) out[key] = decode((value as Dict)[key])
    return out
  }
  return value
}

export function encode(value: unknown, seen: Set<unknown> = new Set()): unknown {
  if (value === undefined) return { $conformance: 'undefined' }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return { $conformance: Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity' }
  }
  if (typeof value === 'function') return { $conformance: 'function' }
  if (typeof value === 'bigint') return { $conformance: 'bigint', value: value.toString() }
  if (value instanceof Date) return { $conformance: 'date', value: value.toISOString() }
  if (value === null || typeof value !== 'object') return value
  if (seen.has(value)) return { $conformance: 'circular' }
  seen.add(value)
  let out: unknown
  if (Array.isArray(value)) {
    out = Array.from(value, (item) => encode(item, seen))
  } else {
    const obj: Dict = {}
    for (const key of Object.keys(value)) {
      const item = (value as Dict)[key]
      if (item !== undefined) obj[key] = encode(item, seen)
    }
    out = obj
  }
  seen.delete(value)
  return out
}

// An error as the destination-kit cases record it.
export function describeError(error: unknown): Dict {
  const err = error as Dict & { response?: { status?: unknown }; errors?: unknown[] }
  const out: Dict = { name: err.name, message: err.message }
  if (err.status !== undefined) out.status = err.status
  if (err.code !== undefined) out.code = err.code
  if (err.response && err.response.status !== undefined) out.responseStatus = err.response.status
  if (err.name === 'AggregateAjvError' && Array.isArray(err.errors)) {
    out.messages = err.errors.map((e) => (e as Dict).message)
  } else if (Array.isArray(err.errors) && (err.name === 'AggregateError' || error instanceof AggregateError)) {
    const messages = err.errors.map((e) => (e as Dict).message)
    out.messages = messages
    out.message = messages.join('\n')
  }
  return out
}
