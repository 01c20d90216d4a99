/**
 * How deep event data is guaranteed to be read and copied. Copies recurse, so data much deeper
 * (or cyclic, which JSON cannot hold but a JavaScript caller can pass) exhausts the stack; that
 * is reported as a `MappingDataError` naming the place, never as a raw `RangeError`.
 */
export const MAX_DATA_DEPTH = 1000

/** Nodes the diagnosis visits at most (it runs only after a failure). */
const MAX_SCANNED = 1_000_000

/** Event data a mapping cannot walk: nested too deeply or cyclic. `path` names the place (`$.a.b`). */
export class MappingDataError extends Error {
  readonly path: string

  constructor(message: string, path: string) {
    super(message)
    this.name = 'MappingDataError'
    this.path = path
    Object.setPrototypeOf(this, new.target.prototype)
  }
}

export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message)
}

function pathText(keys: readonly string[]): string {
  const shown = keys.length > 8 ? [...keys.slice(0, 8), '…'] : keys
  return ['$', ...shown].join('.')
}

interface Frame {
  value: object
  keys: string[]
  next: number
}

/**
 * The first place of `data` that is cyclic or deeper than `limit` levels, found without
 * recursion, or undefined when there is none (within the scan's budget).
 */
export function findDeepPlace(data: unknown, limit = MAX_DATA_DEPTH): MappingDataError | undefined {
  if (data === null || typeof data !== 'object') return undefined
  const chain: Frame[] = [{ value: data, keys: Object.keys(data), next: 0 }]
  const onChain = new Set<object>([data])
  let scanned = 0
  while (chain.length > 0 && scanned < MAX_SCANNED) {
    const frame = chain[chain.length - 1]
    if (frame.next >= frame.keys.length) {
      onChain.delete(frame.value)
      chain.pop()
      continue
    }
    const key = frame.keys[frame.next++]
    const child = (frame.value as Record<string, unknown>)[key]
    scanned++
    if (child === null || typeof child !== 'object') continue
    // Every frame's current key, the last one being `key`.
    const path = () => pathText(chain.map((f) => f.keys[f.next - 1]))
    if (onChain.has(child)) {
      return new MappingDataError(`The event data is cyclic: ${path()} contains itself.`, path())
    }
    if (chain.length >= limit) {
      return new MappingDataError(`The event data at ${path()} is nested deeper than ${limit} levels.`, path())
    }
    onChain.add(child)
    chain.push({ value: child, keys: Object.keys(child), next: 0 })
  }
  return undefined
}

/** The error to report for a stack overflow while resolving a mapping against `data`. */
export function deepDataError(data: unknown): MappingDataError {
  return (
    findDeepPlace(data) ??
    new MappingDataError(
      `A value produced by the mapping is nested too deeply to copy (data up to ${MAX_DATA_DEPTH} levels is supported).`,
      '$'
    )
  )
}
