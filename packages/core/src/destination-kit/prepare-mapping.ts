import { compiledMappingFor, isDirective } from '../mapping-kit'
import type { ValidateFunction } from 'ajv'
import type { JSONObject } from '../json-object'
export const SYNC_MODE_KEY = '__segment_internal_sync_mode'
const MATCHING_KEY_KEY = '__segment_internal_matching_key'
const INTERNAL_DIRECTIVE_KEY = '__segment_internal_directive'

export interface MappingMeta {
  syncMode?: unknown
  matchingKey?: string
}

// A subscription mapping split once into the payload part and the runtime's own keys,
// each compiled once; executing an event is then a function call.
export interface PreparedMapping {
  payload: (data: unknown) => unknown
  /** The only keys a payload can have (a plain object mapping), or undefined when not known. */
  payloadKeys?: readonly string[]
  meta?: (data: unknown) => MappingMeta
  /** The saved entry of every hook of the action that the mapping has (`{ outputs, ... }`). */
  hookOutputs?: Record<string, unknown>
  /** The payload validator the action chose for this mapping. */
  validate?: ValidateFunction
}

type Compiled = (data: unknown) => unknown

function compile(mapping: unknown): Compiled {
  return compiledMappingFor(mapping) as Compiled
}

// `hookNames` are the keys of the action's `hooks`: the mapping keeps each hook's saved entry under
// its name, which is not payload. Like the reference, perform gets every truthy entry whole.
export function prepareMapping(mapping: JSONObject, hookNames: readonly string[]): PreparedMapping {
  if (mapping === null || typeof mapping !== 'object' || Array.isArray(mapping)) {
    return { payload: compile(mapping) }
  }
  const hasSync = Object.prototype.hasOwnProperty.call(mapping, SYNC_MODE_KEY)
  const hasMatching = Object.prototype.hasOwnProperty.call(mapping, MATCHING_KEY_KEY)
  let hookOutputs: Record<string, unknown> | undefined
  let hookKeys = false
  for (const hookName of hookNames) {
    if (!Object.prototype.hasOwnProperty.call(mapping, hookName)) continue
    hookKeys = true
    const entry = mapping[hookName]
    if (entry) {
      hookOutputs ??= {}
      hookOutputs[hookName] = entry
    }
  }

  let payloadMapping: JSONObject = mapping
  if (hasSync || hasMatching || hookKeys) {
    payloadMapping = {}
    for (const key of Object.keys(mapping)) {
      if (key === SYNC_MODE_KEY || key === MATCHING_KEY_KEY) continue
      if (hookKeys && hookNames.includes(key)) continue
      payloadMapping[key] = mapping[key]
    }
  }
  const prepared: PreparedMapping = { payload: compile(payloadMapping), hookOutputs }
  if (!isDirective(payloadMapping) && !Object.prototype.hasOwnProperty.call(payloadMapping, INTERNAL_DIRECTIVE_KEY)) {
    prepared.payloadKeys = Object.keys(payloadMapping)
  }
  if (hasSync || hasMatching) {
    const metaMapping: JSONObject = {}
    if (hasSync) metaMapping.syncMode = mapping[SYNC_MODE_KEY]
    if (hasMatching) metaMapping.matchingKey = mapping[MATCHING_KEY_KEY]
    const resolve = compile(metaMapping)
    prepared.meta = (data) => {
      const resolved = (resolve(data) ?? {}) as Record<string, unknown>
      const key = resolved.matchingKey
      // As in the reference, a falsy matching key (such as "") means none.
      return { syncMode: resolved.syncMode, matchingKey: key ? String(key) : undefined }
    }
  }
  return prepared
}
