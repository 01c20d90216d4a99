const hasOwnProperty = Object.prototype.hasOwnProperty

/**
 * Reads one property the way mapping-kit does: own properties only, so `constructor`,
 * `__proto__` or `toString` never reach a prototype. Strings expose `length` and indices.
 * `null` and `undefined` are returned as they are, so a walk that meets them stops there.
 */
export function readOwn(target: unknown, key: string): unknown {
  if (target === null || target === undefined) return target
  if (typeof target === 'object')
    return hasOwnProperty.call(target, key) ? (target as Record<string, unknown>)[key] : undefined
  if (typeof target === 'string') {
    if (key === 'length') return target.length
    return isIndex(key) && Number(key) < target.length ? target[Number(key)] : undefined
  }
  return undefined
}

function isIndex(key: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key)
}

// A bracket holding digits or a quoted name: [0], ['name'], ["name"].
const bracketPattern = /\[(\d+|'[^'\]]*'?|"[^"\]]*"?)\]?/g

/**
 * Splits a path such as `properties.products[0].name` into its keys. Dots always split
 * (even inside quotes, as the reference does), empty keys are dropped, `[0]` and `['x']`
 * become keys of their own. Anything else stays literal.
 */
export function parsePath(path: string): string[] {
  const keys: string[] = []
  for (const part of path.split('.')) {
    if (part === '') continue
    const firstBracket = part.search(/\[(?:\d|'|")/)
    if (firstBracket === -1) {
      keys.push(part)
      continue
    }
    if (firstBracket > 0) keys.push(part.slice(0, firstBracket))
    bracketPattern.lastIndex = firstBracket
    let rest = firstBracket
    let match: RegExpExecArray | null
    while ((match = bracketPattern.exec(part)) !== null && match.index === rest) {
      keys.push(match[1].replace(/['"]/g, ''))
      rest = bracketPattern.lastIndex
    }
    if (rest < part.length) {
      const tail = part.slice(rest).replace(/^\]+/, '')
      if (tail !== '') keys.push(tail)
    }
  }
  return keys
}

/**
 * Walks `keys` from `target`, reading own properties only. A walk that meets a falsy value
 * (`null`, `0`, `""`, `false`) stops and yields that value, as the reference's paths do.
 */
export function getByKeys(target: unknown, keys: readonly string[]): unknown {
  let current = target
  for (let i = 0; i < keys.length; i++) {
    if (!current) return current
    current = readOwn(current, keys[i])
  }
  return current
}

/**
 * Reads a value at a path (`a.b[0].c` or an array of keys). Unlike the reference,
 * inherited properties are never returned.
 */
export function get<T = unknown>(obj: unknown, path: string | string[]): T | undefined {
  const keys = Array.isArray(path) ? path.map(String) : parsePath(String(path))
  return getByKeys(obj, keys) as T | undefined
}
