// Search params are kept as [name, value] pairs. A later layer replaces every value of each name it gives
// and keeps the other names: the reference instead loses URLSearchParams layers and adds
// `headers=[object Object]`.
export type SearchParamEntries = ReadonlyArray<readonly [string, string]>

function entriesOf(init: unknown): Array<[string, string]> {
  const entries: Array<[string, string]> = []
  if (typeof init === 'string') {
    new URLSearchParams(init).forEach((value, name) => entries.push([name, value]))
  } else if (init instanceof URLSearchParams) {
    init.forEach((value, name) => entries.push([name, value]))
  } else if (Array.isArray(init)) {
    for (const pair of init) {
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw new TypeError('Request option "searchParams" given as an array must hold [name, value] pairs')
      }
      entries.push([String(pair[0]), String(pair[1])])
    }
  } else if (init !== null && typeof init === 'object') {
    const record = init as Record<string, unknown>
    for (const name of Object.keys(record)) {
      const value = record[name]
      // `undefined` means "not given" rather than the text "undefined".
      if (value !== undefined) entries.push([name, String(value)])
    }
  } else {
    throw new TypeError('Request option "searchParams" must be an object, a URLSearchParams or a query string')
  }
  return entries
}

export function mergeSearchParams(base: SearchParamEntries | undefined, init: unknown): SearchParamEntries {
  const next = entriesOf(init)
  if (!base || base.length === 0) return next
  const replaced = new Set(next.map((entry) => entry[0]))
  return [...base.filter((entry) => !replaced.has(entry[0])), ...next]
}
