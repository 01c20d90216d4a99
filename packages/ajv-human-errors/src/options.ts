import type { FieldLabels, Options } from './entities'

export interface ResolvedOptions {
  fieldLabels: FieldLabels
  includeOriginalError: boolean
  includeData: boolean
}

const FIELD_LABELS: readonly FieldLabels[] = ['instancePath', 'js', 'jsonPath', 'jsonPointer', 'title']

function isFieldLabels(value: unknown): value is FieldLabels {
  return typeof value === 'string' && (FIELD_LABELS as readonly string[]).includes(value)
}

/**
 * Fills in defaults and rejects values that would otherwise produce garbage later.
 * An explicit `fieldLabels: undefined` means the default (the reference throws on it).
 */
export function resolveOptions(options: Options | null | undefined): ResolvedOptions {
  if (options === undefined || options === null) {
    return { fieldLabels: 'title', includeOriginalError: false, includeData: false }
  }
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new Error(`AggregateAjvError options must be an object, got ${describeKind(options)}`)
  }
  const fieldLabels: unknown = options.fieldLabels ?? 'title'
  if (!isFieldLabels(fieldLabels)) {
    throw new Error(`invalid fieldLabels value: ${String(fieldLabels)}`)
  }
  return {
    fieldLabels,
    includeOriginalError: Boolean(options.includeOriginalError),
    includeData: Boolean(options.includeData)
  }
}

function describeKind(value: unknown): string {
  if (Array.isArray(value)) return 'an array'
  return `a ${typeof value}`
}
