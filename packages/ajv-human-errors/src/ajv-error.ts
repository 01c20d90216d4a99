import type { ErrorObject } from 'ajv'
import type { describeError as DescribeError } from './describe-error'
import type { HumanError, Options } from './entities'
import { fieldPreamble, resolveFieldLabels } from './field-labels'
import { jsonPathFromPointer } from './json-path'
import { readAjvError } from './read-ajv-error'
import { schemaTitle } from './schema-hints'
import { stringifyValue } from './text/stringify-value'

/** One Ajv error as a sentence, with where it happened as a JSON pointer and a JSONPath. */
export class AjvError extends Error {
  /** The JSON pointer of the offending value (Ajv's `instancePath`), `''` for the root. */
  pointer: ErrorObject['instancePath']
  /** The same place as a JSONPath: `$.user.tags[1]`. */
  path: string
  /** True when another error of the same run already says what this one says. */
  redundant: boolean
  /** Only set with `includeData`. */
  declare data: ErrorObject['data']
  /** Only set with `includeOriginalError`. */
  declare original?: ErrorObject

  constructor(ajvErr: ErrorObject, options: Options = {}) {
    super()
    const settings: Options = options !== null && typeof options === 'object' ? options : {}
    const fieldLabels = resolveFieldLabels(settings.fieldLabels)
    const parts = readAjvError(ajvErr)

    if (parts === undefined) {
      this.pointer = ''
      this.path = '$'
      this.redundant = false
      this.message = `Expected an Ajv error object but got ${stringifyValue(ajvErr)}.`
    } else {
      this.pointer = parts.instancePath
      this.path = jsonPathFromPointer(parts.instancePath)
      const subject = fieldPreamble(
        { pointer: this.pointer, path: this.path, title: schemaTitle(parts.parentSchema) },
        fieldLabels
      )
      const message = sentenceFor()(parts, subject)
      this.redundant = message === null
      this.message = message ?? ''
    }

    if (settings.includeOriginalError) this.original = ajvErr
    if (settings.includeData) this.data = parts?.data
  }

  toJSON(): HumanError {
    const json: HumanError = { path: this.path, pointer: this.pointer, message: this.message }
    if ('original' in this) json.original = this.original
    if ('data' in this) json.data = this.data
    return json
  }
}

let describe: typeof DescribeError | undefined

/**
 * The keyword describers (and their texts) are loaded when the first error is described: a
 * process or jest module registry that loads the runtime but never fails a validation skips them.
 */
function sentenceFor(): typeof DescribeError {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (describe ??= (require('./describe-error') as typeof import('./describe-error')).describeError)
}
