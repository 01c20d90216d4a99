// A shallow copy of `obj` without `keys`; never touches the original.
export function omit<T extends object | { [key: string]: unknown }, K extends string[]>(
  obj: T | undefined,
  keys: K
): Omit<T, keyof K> {
  const result: Record<string, unknown> = {}
  if (obj === undefined || obj === null) return result as Omit<T, keyof K>
  const skip = new Set<string>(keys)
  for (const key of Object.keys(obj)) {
    if (!skip.has(key)) result[key] = (obj as Record<string, unknown>)[key]
  }
  return result as Omit<T, keyof K>
}
