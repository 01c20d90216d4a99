/**
 * True for objects built from `{}` or JSON: a plain prototype or none. An object literal made in
 * another realm (a vm context, a jest sandbox, a worker's structured clone) has that realm's
 * `Object.prototype`, so a prototype whose own prototype is null also counts.
 * False for arrays, class instances, dates, maps, null.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value) as object | null
  if (proto === null || proto === Object.prototype) return true
  return Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(value) === '[object Object]'
}
