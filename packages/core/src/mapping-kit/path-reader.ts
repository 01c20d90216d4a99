import { parsePath, readOwn } from '../get'
import type { Resolver } from './definition'
import { generateReader } from './code-generation'

const hasOwnProperty = Object.prototype.hasOwnProperty

/** Mapping paths drop the first `$.` wherever it occurs, as the reference does. */
export function pathKeys(path: string): string[] {
  return parsePath(path.replace('$.', ''))
}

function step(target: unknown, key: string): unknown {
  if (typeof target === 'object' && target !== null) {
    return hasOwnProperty.call(target, key) ? (target as Record<string, unknown>)[key] : undefined
  }
  return readOwn(target, key)
}

/**
 * A reader specialised on the number of keys, so the common short paths are direct walks.
 * A falsy value met on the way (`null`, `0`, `""`, `false`) is the result, as in the reference.
 */
export function compileReader(keys: readonly string[]): Resolver {
  if (keys.length > 0) {
    const generated = generateReader(keys)
    if (generated) return generated
  }
  return compileClosureReader(keys)
}

/** The reader without code generation. */
export function compileClosureReader(keys: readonly string[]): Resolver {
  switch (keys.length) {
    case 0:
      return (data) => data
    case 1: {
      const [a] = keys
      return (data) => (!data ? data : step(data, a))
    }
    case 2: {
      const [a, b] = keys
      return (data) => {
        if (!data) return data
        const first = step(data, a)
        return !first ? first : step(first, b)
      }
    }
    case 3: {
      const [a, b, c] = keys
      return (data) => {
        if (!data) return data
        const first = step(data, a)
        if (!first) return first
        const second = step(first, b)
        return !second ? second : step(second, c)
      }
    }
    default:
      return (data) => {
        let current = data
        for (let i = 0; i < keys.length; i++) {
          if (!current) return current
          current = step(current, keys[i])
        }
        return current
      }
  }
}
