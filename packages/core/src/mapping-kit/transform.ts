import type { JSONLikeObject, JSONObject } from '../json-object'
import { BoundedCache, contentKey } from './cache'
import { compileMapping, type CompiledMapping } from './compile'
import { realTypeOf } from './real-type-of'
import type { InputData, StatsContext } from './types'

const MAX_CACHED_MAPPINGS = 1000
const MAX_CACHED_CONTENT_CHARS = 8 * 1024 * 1024
const MAX_CONTENT_KEY_CHARS = 256 * 1024

const byIdentity = new WeakMap<object, CompiledMapping>()
const byContent = new BoundedCache<CompiledMapping>(MAX_CACHED_MAPPINGS, MAX_CACHED_CONTENT_CHARS)

/**
 * The compiled form of `mapping`, from the caches when possible: by identity (a mapping object
 * is treated as immutable once used) and by content for mappings parsed afresh each call.
 */
export function compiledMappingFor(mapping: unknown): CompiledMapping {
  // Runtimes send many events through one mapping in a row: an identity check is cheaper than
  // the WeakMap's hash lookup.
  if (mapping === lastMapping && lastCompiled) return lastCompiled
  const isObject = mapping !== null && typeof mapping === 'object'
  if (isObject) {
    const known = byIdentity.get(mapping)
    if (known) return remember(mapping, known)
  }
  const key = isObject ? contentKey(mapping, MAX_CONTENT_KEY_CHARS) : undefined
  let compiled = key === undefined ? undefined : byContent.get(key)
  if (!compiled) {
    compiled = compileMapping(mapping)
    if (key !== undefined) byContent.set(key, compiled)
  }
  if (isObject) {
    byIdentity.set(mapping, compiled)
    return remember(mapping, compiled)
  }
  return compiled
}

let lastMapping: object | undefined
let lastCompiled: CompiledMapping | undefined

function remember(mapping: object, compiled: CompiledMapping): CompiledMapping {
  lastMapping = mapping
  lastCompiled = compiled
  return compiled
}

/** Empties the content cache and forgets the last mapping (the identity cache empties itself as mappings are collected). */
export function clearMappingCache(): void {
  byContent.clear()
  lastMapping = undefined
  lastCompiled = undefined
}

function checkData(data: unknown): unknown {
  if (data === undefined) return {}
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error(`data must be an object, got ${realTypeOf(data)}`)
  }
  return data
}

/**
 * Resolves a mapping against event data: every directive is replaced by its value, keys that
 * resolve to undefined are removed. The mapping is validated and compiled once, then cached.
 */
export function transform(
  mapping: JSONLikeObject,
  data: InputData | undefined = {},
  statsContext?: StatsContext
): JSONObject {
  void statsContext
  const input = checkData(data)
  return compiledMappingFor(mapping)(input) as JSONObject
}

/** `transform` for many events with one mapping. */
export function transformBatch(
  mapping: JSONLikeObject,
  data: Array<InputData> | undefined = [],
  statsContext?: StatsContext
): JSONObject[] {
  void statsContext
  if (!Array.isArray(data)) throw new Error(`data must be an array, got ${realTypeOf(data)}`)
  const compiled = compiledMappingFor(mapping)
  const out = new Array<JSONObject>(data.length)
  for (let i = 0; i < data.length; i++) out[i] = compiled(checkData(data[i])) as JSONObject
  return out
}
