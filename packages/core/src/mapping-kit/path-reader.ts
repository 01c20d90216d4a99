import { parsePath, readOwn } from '../get'
import type { Resolver } from './definition'

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

/** A reader specialised on the number of keys, so the common short paths are direct walks. */
export function compileReader(keys: readonly string[]): Resolver {
  switch (keys.length) {
    case 0:
      return (data) => data
    case 1: {
      const [a] = keys
      return (data) => (data === null || data === undefined ? data : step(data, a))
    }
    case 2: {
      const [a, b] = keys
      return (data) => {
        if (data === null || data === undefined) return data
        const first = step(data, a)
        return first === null || first === undefined ? first : step(first, b)
      }
    }
    case 3: {
      const [a, b, c] = keys
      return (data) => {
        if (data === null || data === undefined) return data
        const first = step(data, a)
        if (first === null || first === undefined) return first
        const second = step(first, b)
        return second === null || second === undefined ? second : step(second, c)
      }
    }
    default:
      return (data) => {
        let current = data
        for (let i = 0; i < keys.length; i++) {
          if (current === null || current === undefined) return current
          current = step(current, keys[i])
        }
        return current
      }
  }
}
