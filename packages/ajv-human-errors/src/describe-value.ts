/**
 * JSON text of a value for use inside a sentence. Values JSON cannot hold (bigint, cycles,
 * functions, undefined) get a readable stand-in instead of an exception or an empty string.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined'
  if (typeof value === 'bigint') return `${value.toString()}n`
  if (typeof value === 'function') return 'a function'
  if (typeof value === 'symbol') return value.toString()
  try {
    const text = JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? inner.toString() : inner))
    return text ?? String(value)
  } catch {
    return '(an unprintable value)'
  }
}
