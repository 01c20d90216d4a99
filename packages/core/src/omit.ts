// A shallow copy of `obj` without `keys`; never touches the original. A `__proto__` key (from
// JSON) is left out too: assigning it would give the copy that value as its prototype.
export function omit<T extends object | { [key: string]: unknown }, K extends string[]>(
  obj: T | undefined,
  keys: K
): Omit<T, keyof K> {
  const result: Record<string, unknown> = {}
  if (obj === undefined || obj === null) return result as Omit<T, keyof K>
  const skip = new Set<string>(keys)
  for (const key of Object.keys(obj)) {
    if (!skip.has(key) && key !== '__proto__') result[key] = (obj as Record<string, unknown>)[key]
  }
  return result as Omit<T, keyof K>
}
