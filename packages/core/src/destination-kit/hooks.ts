import type { JSONSchema4 } from 'json-schema'
import { IntegrationError } from '../errors'
import { validateSchema } from '../schema-validation'
import { fieldsToJsonSchema } from './fields-to-jsonschema'
import type { MinimalFields } from './fields-to-jsonschema'
import { hookTypeStrings } from './hook-types'
import type { ActionHookType } from './hook-types'
import type { ActionDefinition, ActionHookResponse } from './action-types'
import { isRecord } from './is-record'
import type { RequestClient } from './request-client-type'
import { bodyOf } from './results'
import type { ExecuteInput } from './types'

// An action's hooks (performHook of each hook type): their input schemas and how one is run.

/* eslint-disable @typescript-eslint/no-explicit-any -- hook outputs are typed by the generated definition */

/** The input fields' schema of every hook type that has input fields. */
export function hookSchemasOf<Settings, Payload, AudienceSettings>(
  definition: ActionDefinition<Settings, Payload, AudienceSettings>
): Record<string, JSONSchema4> {
  const hookSchemas: Record<string, JSONSchema4> = {}
  for (const hookType of hookTypeStrings) {
    const inputFields = definition.hooks?.[hookType]?.inputFields
    if (inputFields) hookSchemas[hookType] = fieldsToJsonSchema(inputFields as MinimalFields)
  }
  return hookSchemas
}

export async function runHook<Settings, Payload, AudienceSettings>(
  definition: ActionDefinition<Settings, Payload, AudienceSettings>,
  hookSchemas: Record<string, JSONSchema4> | undefined,
  hookType: ActionHookType,
  data: ExecuteInput<Settings, Payload, AudienceSettings>,
  requestClient: (data: ExecuteInput<Settings, Payload, AudienceSettings>) => RequestClient
): Promise<ActionHookResponse<any>> {
  const hook = definition.hooks?.[hookType]
  if (!hook || typeof hook.performHook !== 'function') {
    throw new IntegrationError(`Missing implementation for hook: ${hookType}.`, 'NotImplemented', 501)
  }
  const schema = hookSchemas?.[hookType]
  if (!schema) return bodyOf(await hook.performHook(requestClient(data), data))
  // Validated (and coerced) as the reference does, missing inputs included, but on a copy: the
  // hook sees the coerced inputs and the caller's object is left alone.
  const hookInputs = isRecord(data.hookInputs) ? copyOf(data.hookInputs) : data.hookInputs
  validateSchema(hookInputs, schema)
  const input = { ...data, hookInputs }
  return bodyOf(await hook.performHook(requestClient(input), input))
}

// A deep copy when the value can be cloned (hook inputs are JSON-like), else a shallow one.
function copyOf(value: Record<string, unknown>): Record<string, unknown> {
  try {
    return structuredClone(value)
  } catch {
    return { ...value }
  }
}
