/**
 * A value as it would appear in JSON, for lists such as enum choices.
 * Values JSON cannot hold (undefined, functions, bigints, cycles) still get a readable text.
 */
export function stringifyValue(value: unknown): string {
  if (typeof value === 'bigint') return String(value)
  if (typeof value === 'symbol') return value.toString()
  try {
    const json = JSON.stringify(value)
    if (typeof json === 'string') return json
  } catch {
    // A cycle or a throwing toJSON: fall through to the plain description.
  }
  if (typeof value === 'function') return 'a function'
  if (value === undefined) return 'undefined'
  return Object.prototype.toString.call(value)
}
