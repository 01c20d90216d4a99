// "Test mapping" and "Test conditions" on events that really arrived: the same mapping-kit and FQL
// the engine runs, without calling the destination.
import { fieldsToJsonSchema, transform, validateMapping, validateSchema } from '@action-destinations/core'
import { compileFql, parseFql } from '@action-destinations/destination-subscriptions'
import type { RegistryEntry } from '../config/registry'
import { ConsoleError, type JsonRecord } from './console-error'

export interface FieldProblem {
  field?: string
  message: string
}

export interface MappingCheck {
  payload: JsonRecord | null
  problems: FieldProblem[]
  stage: 'mapping' | 'schema'
}

type Fields = Parameters<typeof fieldsToJsonSchema>[0]
type Schema = ReturnType<typeof fieldsToJsonSchema>

// core caches a validator per schema object, so each action's schema is built once.
const schemas = new WeakMap<object, Schema>()

function schemaOf(fields: Fields & object): Schema {
  let schema = schemas.get(fields)
  if (!schema) schemas.set(fields, (schema = fieldsToJsonSchema(fields)))
  return schema
}

function messages(error: unknown): string[] {
  const listed = (error as { errors?: unknown }).errors
  return Array.isArray(listed)
    ? listed.map((entry: unknown) => (entry instanceof Error ? entry.message : String(entry)))
    : [error instanceof Error ? error.message : String(error)]
}

function fieldOfPath(path: string, message: string): FieldProblem {
  const fromPath = /^\$\.([^.[\]]+)/.exec(path)
  if (fromPath) return { field: fromPath[1], message }
  const required = /required field '([^']+)'/.exec(message)
  return required ? { field: required[1], message } : { message }
}

export function checkMapping(
  entry: RegistryEntry,
  action: string,
  mapping: JsonRecord,
  event: JsonRecord
): MappingCheck {
  const definition = Object.prototype.hasOwnProperty.call(entry.definition.actions, action)
    ? entry.definition.actions[action]
    : undefined
  if (!definition) {
    const known = Object.keys(entry.definition.actions).join(', ')
    throw new ConsoleError(404, `action: "${action}" is not an action of ${entry.definition.name} (${known})`)
  }
  try {
    validateMapping(mapping)
  } catch (error) {
    return {
      payload: null,
      stage: 'mapping',
      problems: messages(error).map((message) => {
        const match = /^\/([^/\s]+)/.exec(message)
        return match ? { field: match[1], message } : { message }
      })
    }
  }
  const payload = transform(
    mapping as Parameters<typeof transform>[0],
    event as Parameters<typeof transform>[1]
  ) as JsonRecord
  try {
    validateSchema(payload, schemaOf(definition.fields ?? {}))
    return { payload, problems: [], stage: 'schema' }
  } catch (error) {
    const listed = (error as { toJSON?: () => unknown }).toJSON?.()
    const problems = Array.isArray(listed)
      ? listed.map((item: { path?: unknown; message?: unknown }) =>
          fieldOfPath(String(item.path ?? '$'), String(item.message ?? ''))
        )
      : [{ message: error instanceof Error ? error.message : String(error) }]
    return { payload, problems, stage: 'schema' }
  }
}

/** A matcher for `fql`, or a 400 with the parser's message (line and column). */
export function conditionMatcher(fql: string): (event: JsonRecord) => boolean {
  const parsed = parseFql(fql)
  if ('error' in parsed && parsed.error) throw new ConsoleError(400, `fql: ${parsed.error.message}`)
  const predicate = compileFql(fql)
  return (event) => {
    try {
      return predicate(event)
    } catch {
      return false
    }
  }
}
