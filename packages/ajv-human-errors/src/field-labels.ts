import type { FieldLabels } from './entities'

const FIELD_LABELS: readonly FieldLabels[] = ['title', 'js', 'jsonPath', 'jsonPointer', 'instancePath']

/**
 * Reads the `fieldLabels` option; an unknown value throws the reference's error, word for word.
 * An explicit `undefined` means the default (the reference throws for it).
 */
export function resolveFieldLabels(value: unknown): FieldLabels {
  if (value === undefined) return 'title'
  if (typeof value === 'string' && (FIELD_LABELS as readonly string[]).includes(value)) return value as FieldLabels
  throw new Error(`invalid fieldLabels value: ${String(value)}`)
}

export interface LabelSource {
  pointer: string
  path: string
  title: string | undefined
}

/** How a message names the value it is about: `Age`, `The root value`, `The value at /user/age`. */
export function fieldPreamble({ pointer, path, title }: LabelSource, fieldLabels: FieldLabels): string {
  if (fieldLabels === 'title' && title !== undefined) return title
  // The JSONPath of the root is `$`, which reads well; the other forms are empty there.
  if (fieldLabels === 'jsonPath') return `The value at ${path}`
  if (pointer === '') return 'The root value'
  return `The value at ${fieldLabels === 'js' ? path.slice(1) : pointer}`
}
