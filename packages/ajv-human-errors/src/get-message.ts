import type { AjvErrorView } from './ajv-error-view'
import { customMessage } from './custom-message'
import type { FieldLabels } from './entities'
import { fieldPreamble } from './field-preamble'
import { KEYWORD_MESSAGES } from './messages'
import { isRedundant } from './redundancy'

/** What to say when neither a sentence of ours nor Ajv's text is available. */
function lastResort(keyword: string): string {
  return keyword === '' ? 'is invalid' : `is invalid (keyword "${keyword}")`
}

/** The whole sentence for one Ajv error, or null when the error is redundant with another. */
export function getMessage(error: AjvErrorView, fieldLabels: FieldLabels): string | null {
  const custom = customMessage(error)
  if (custom !== undefined) return `${fieldPreamble(error, fieldLabels)} ${custom}.`
  if (isRedundant(error)) return null
  const ownSentence = KEYWORD_MESSAGES.get(error.keyword)?.(error)
  const ajvSentence = error.ajvMessage !== undefined && error.ajvMessage.trim() !== '' ? error.ajvMessage : undefined
  return `${fieldPreamble(error, fieldLabels)} ${ownSentence ?? ajvSentence ?? lastResort(error.keyword)}.`
}
