// Headers are kept as a null-prototype record keyed by lower-case name; later layers win.
export type HeaderRecord = Record<string, string>

interface HeadersLike {
  forEach(callback: (value: string, name: string) => void): void
}

function isHeadersLike(value: object): value is HeadersLike {
  return typeof (value as { forEach?: unknown }).forEach === 'function' && !Array.isArray(value)
}

// RFC 7230 token characters; anything else makes fetch's Headers throw.
const INVALID_NAME = /[^^_`a-zA-Z\-0-9!#$%&'*+.|~]/

// Names are checked before lower-casing so the error names the header as the caller wrote it.
function lowerCaseName(name: string): string {
  if (name === '' || INVALID_NAME.test(name)) throw new TypeError(`${name} is not a legal HTTP header name`)
  return name.toLowerCase()
}

export function mergeHeaders(base: HeaderRecord | undefined, init: unknown): HeaderRecord {
  const out: HeaderRecord = Object.create(null) as HeaderRecord
  if (base) for (const name in base) out[name] = base[name]
  if (init === undefined || init === null) return out
  if (typeof init !== 'object') {
    throw new TypeError(`Request option "headers" must be an object, a Headers instance or [name, value] pairs`)
  }
  if (Array.isArray(init)) {
    for (const pair of init) {
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw new TypeError('Request option "headers" given as an array must hold [name, value] pairs')
      }
      set(out, lowerCaseName(String(pair[0])), String(pair[1]))
    }
  } else if (isHeadersLike(init)) {
    init.forEach((value, name) => set(out, name.toLowerCase(), value))
  } else {
    const record = init as Record<string, unknown>
    for (const name of Object.keys(record)) set(out, lowerCaseName(name), String(record[name]))
  }
  return out
}

// As in the reference, a later layer's `undefined` (which Headers reads as the text "undefined")
// removes the header: `headers: { authorization: undefined }` drops the client's authorization.
function set(out: HeaderRecord, name: string, value: string): void {
  if (value === 'undefined') delete out[name]
  else out[name] = value
}
