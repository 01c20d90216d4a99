/**
 * A checked, normalised reading of one Ajv error object. Ajv's own output always has this
 * shape; hand-made or partial objects get defaults instead of crashing the formatter later.
 */
export interface AjvErrorView {
  keyword: string
  instancePath: string
  schemaPath: string
  params: Readonly<Record<string, unknown>>
  /** Ajv's own sentence, e.g. `must be equal to constant`. */
  ajvMessage: string | undefined
  /** Only present when Ajv ran with `verbose: true`. */
  parentSchema: Readonly<Record<string, unknown>> | undefined
  /** Whether Ajv reported the value at all (`verbose: true`), as opposed to reporting `undefined`. */
  hasData: boolean
  data: unknown
  /** Ajv marks errors raised inside a `propertyNames` subschema with the name being checked. */
  propertyName: string | undefined
}

type Bag = Readonly<Record<string, unknown>>

const isBag = (value: unknown): value is Bag => typeof value === 'object' && value !== null && !Array.isArray(value)

const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key)

const optionalString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

export function readAjvError(raw: unknown, index: number): AjvErrorView {
  if (!isBag(raw)) {
    const got = raw === null ? 'null' : Array.isArray(raw) ? 'an array' : `a ${typeof raw}`
    throw new Error(`AggregateAjvError: the Ajv error at index ${index} must be an object, got ${got}`)
  }
  const instancePath = raw.instancePath ?? ''
  if (typeof instancePath !== 'string') {
    throw new Error(`AggregateAjvError: the Ajv error at index ${index} has an instancePath that is not a string`)
  }
  return {
    keyword: optionalString(raw.keyword) ?? '',
    instancePath,
    schemaPath: optionalString(raw.schemaPath) ?? '',
    params: isBag(raw.params) ? raw.params : {},
    ajvMessage: optionalString(raw.message),
    parentSchema: isBag(raw.parentSchema) ? raw.parentSchema : undefined,
    hasData: hasOwn(raw, 'data'),
    data: raw.data,
    propertyName: optionalString(raw.propertyName)
  }
}
