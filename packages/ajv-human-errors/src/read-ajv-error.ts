import { isRecord } from './schema-hints'

/** The parts of an Ajv error this package reads, checked so hand-built errors cannot crash it. */
export interface AjvErrorParts {
  keyword: string
  instancePath: string
  schemaPath: string
  params: Record<string, unknown>
  message: string | undefined
  data: unknown
  hasData: boolean
  parentSchema: Record<string, unknown> | undefined
  /** Set by Ajv on errors raised inside a `propertyNames` subschema: the key being checked. */
  propertyName: string | undefined
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback
}

/** Reads an Ajv `ErrorObject`; returns undefined when the value is not an object at all. */
export function readAjvError(value: unknown): AjvErrorParts | undefined {
  if (!isRecord(value)) return undefined
  const message = value.message
  return {
    keyword: stringOr(value.keyword, ''),
    instancePath: stringOr(value.instancePath, ''),
    schemaPath: stringOr(value.schemaPath, ''),
    params: isRecord(value.params) ? value.params : {},
    message: typeof message === 'string' && message.trim() !== '' ? message : undefined,
    data: value.data,
    hasData: 'data' in value,
    parentSchema: isRecord(value.parentSchema) ? value.parentSchema : undefined,
    propertyName: typeof value.propertyName === 'string' ? value.propertyName : undefined
  }
}
