import type { AjvErrorView } from '../ajv-error-view'

/**
 * Builds the part of the sentence after the field label, e.g. `must be a string but it was a number`.
 * Returns undefined when the error lacks what the sentence needs; Ajv's own text is used then.
 */
export type KeywordMessage = (error: AjvErrorView) => string | undefined

export const isNumber = (value: unknown): value is number => typeof value === 'number' && !Number.isNaN(value)
