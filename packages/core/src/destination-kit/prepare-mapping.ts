import { compiledMappingFor, isDirective } from '../mapping-kit'
import type { ValidateFunction } from 'ajv'
import type { JSONObject } from '../json-object'
import { hookTypeStrings } from './hook-types'

const SYNC_MODE_KEY = '__segment_internal_sync_mode'
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
  hookOutputs?: Record<string, unknown>
  /** The payload validator the action chose for this mapping. */
  validate?: ValidateFunction
}

type Compiled = (data: unknown) => unknown

function compile(mapping: unknown): Compiled {
  return compiledMappingFor(mapping) as Compiled
}

export function prepareMapping(mapping: JSONObject, hasHooks: boolean): PreparedMapping {
  if (mapping === null || typeof mapping !== 'object' || Array.isArray(mapping)) {
    return { payload: compile(mapping) }
  }
  const hasSync = Object.prototype.hasOwnProperty.call(mapping, SYNC_MODE_KEY)
  const hasMatching = Object.prototype.hasOwnProperty.call(mapping, MATCHING_KEY_KEY)
  let hookOutputs: Record<string, unknown> | undefined
  let hookKeys = false
  if (hasHooks) {
    for (const hookType of hookTypeStrings) {
      const hook = mapping[hookType]
      if (hook !== undefined) hookKeys = true
      if (hook !== null && typeof hook === 'object' && !Array.isArray(hook)) {
        hookOutputs ??= {}
        hookOutputs[hookType] = (hook as Record<string, unknown>).outputs
      }
    }
  }

  let payloadMapping: JSONObject = mapping
  if (hasSync || hasMatching || hookKeys) {
    payloadMapping = {}
    for (const key of Object.keys(mapping)) {
      if (key === SYNC_MODE_KEY || key === MATCHING_KEY_KEY) continue
      if (hookKeys && (hookTypeStrings as readonly string[]).includes(key)) continue
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
      return {
        syncMode: resolved.syncMode,
        matchingKey: key === undefined || key === null ? undefined : String(key)
      }
    }
  }
  return prepared
}
