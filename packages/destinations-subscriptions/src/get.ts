import { readPath, splitPath } from './path'

/**
 * Reads `path` (`a.b.c`, `a.b[0]`, or an array of keys) from `object`, own properties only.
 * Returns `defValue` when nothing is there (`undefined`); `null` is returned as it is.
 */
export function get<T = unknown, Default = unknown>(
  object: unknown,
  path: string | string[],
  defValue?: Default
): T | undefined | Default {
  let keys: readonly string[]
  if (Array.isArray(path)) keys = path.map(String)
  else if (typeof path === 'string' && path !== '') keys = splitPath(path)
  else return defValue
  const value = keys.length === 0 ? object : readPath(object, keys)
  return value === undefined ? defValue : (value as T)
}
