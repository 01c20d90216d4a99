import type { AjvErrorView } from './ajv-error-view'
import type { FieldLabels } from './entities'
import { capitalize } from './english'
import { jsonPath } from './paths'

const ROOT = 'The root value'

const valueAt = (label: string): string => (label === '' ? ROOT : `The value at ${label}`)

/** The subject of the sentence: `Age`, `The value at /user/age`, `The root value`, ... */
export function fieldPreamble(
  error: Pick<AjvErrorView, 'instancePath' | 'parentSchema'>,
  fieldLabels: FieldLabels
): string {
  const pointer = error.instancePath
  switch (fieldLabels) {
    case 'title': {
      const title = error.parentSchema?.title
      const subject = typeof title === 'string' && title !== '' ? title : valueAt(pointer)
      return capitalize(subject) ?? subject
    }
    case 'js':
      return valueAt(jsonPath(pointer).slice(1))
    case 'jsonPath':
      // The reference names the root `$` here rather than "the root value".
      return valueAt(jsonPath(pointer))
    case 'jsonPointer':
    case 'instancePath':
      return valueAt(pointer)
  }
}
