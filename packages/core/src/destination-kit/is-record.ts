/** True for any non-null object that is not an array (class instances included, unlike is-plain-object). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
