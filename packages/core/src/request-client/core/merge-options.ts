import { mergeHeaders } from '../utils/merge-headers'
import { mergeJson } from '../utils/merge-json'
import { mergeSearchParams } from '../utils/merge-search-params'
import { setOwn } from '../utils/set-own'
import type { ResolvedOptions } from './resolved-options'

function hooksOf(name: string, value: unknown): Array<(...args: never[]) => unknown> {
  if (!Array.isArray(value) || value.some((hook) => typeof hook !== 'function')) {
    throw new TypeError(`Request option "${name}" must be an array of functions`)
  }
  return value as Array<(...args: never[]) => unknown>
}

function checkOption(key: string, value: unknown): void {
  if (key === 'method' && typeof value !== 'string') throw new TypeError('Request option "method" must be a string')
  if (key === 'timeout' && value !== false && !(typeof value === 'number' && value >= 0 && Number.isFinite(value))) {
    throw new TypeError('Request option "timeout" must be a non-negative number of milliseconds or false')
  }
  if ((key === 'username' || key === 'password') && typeof value !== 'string') {
    throw new TypeError(`Request option "${key}" must be a string`)
  }
}

// Layers `next` over `base` into a new object; neither input is modified. Undefined values mean
// "not given". Headers merge case-insensitively, search params by name, json deeply, hooks append.
export function mergeOptions(base: ResolvedOptions, next: unknown): ResolvedOptions {
  if (next === undefined || next === null) return base
  if (typeof next !== 'object' || Array.isArray(next)) {
    throw new TypeError('Request options must be an object')
  }
  const out = { ...base } as ResolvedOptions & Record<string, unknown>
  const source = next as Record<string, unknown>
  for (const key of Object.keys(source)) {
    const value = source[key]
    if (value === undefined) continue
    switch (key) {
      case 'headers':
        out.headers = mergeHeaders(base.headers, value)
        break
      case 'searchParams':
        out.searchParams = mergeSearchParams(base.searchParams, value)
        break
      case 'json':
        out.json = base.json === undefined ? value : mergeJson(base.json, value)
        break
      case 'beforeRequest':
        out.beforeRequest = [...base.beforeRequest, ...(hooksOf(key, value) as ResolvedOptions['beforeRequest'])]
        break
      case 'afterResponse':
        out.afterResponse = [...base.afterResponse, ...(hooksOf(key, value) as ResolvedOptions['afterResponse'])]
        break
      default:
        checkOption(key, value)
        setOwn(out, key, value)
    }
  }
  return out
}

export function emptyOptions(): ResolvedOptions {
  return { headers: Object.create(null) as ResolvedOptions['headers'], beforeRequest: [], afterResponse: [] }
}
