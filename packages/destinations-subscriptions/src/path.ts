const hasOwn = Object.prototype.hasOwnProperty

/**
 * Splits a path the way the reference's `get` does: at `.`, `[` and `]`, dropping empty
 * parts, so `a.b[0].c` and `a.b.0.c` are the same path.
 */
export function splitPath(path: string): string[] {
  return path.split(/[.[\]]/).filter((part) => part !== '')
}

/**
 * Reads one key, own properties only: `__proto__`, `constructor` and friends never reach a
 * prototype. Strings expose their own `length` and indexes; other primitives have no keys.
 */
export function readKey(container: unknown, key: string): unknown {
  if (typeof container === 'object' && container !== null) {
    const value = (container as Record<string, unknown>)[key]
    return value !== undefined && hasOwn.call(container, key) ? value : undefined
  }
  return typeof container === 'string' && hasOwn.call(container, key)
    ? (container as unknown as Record<string, unknown>)[key]
    : undefined
}

export function readPath(container: unknown, keys: readonly string[]): unknown {
  let current = container
  for (let i = 0; i < keys.length; i++) {
    current = readKey(current, keys[i])
    if (current === undefined) return undefined
  }
  return current
}
