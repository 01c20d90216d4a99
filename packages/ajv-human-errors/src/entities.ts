import type { ErrorObject } from 'ajv'

/** How a field is named at the start of each message. */
export type FieldLabels = 'instancePath' | 'js' | 'jsonPath' | 'jsonPointer' | 'title'

export interface Options {
  /** `title` (default) uses the schema's `title` and falls back to the JSON pointer. */
  fieldLabels?: FieldLabels
  /** Attach the raw Ajv error as `original`. */
  includeOriginalError?: boolean
  /** Attach the offending value as `data` (needs Ajv's `verbose: true`). */
  includeData?: boolean
}

/** The plain-object form of one error, as returned by `toJSON()`. */
export interface HumanError {
  path: string
  pointer: string
  message: string
  original?: ErrorObject
  data?: ErrorObject['data']
}
