import { PayloadValidationError } from '@action-destinations/core'
import type { InputField } from '@action-destinations/core'

export interface IdentityPayload {
  external_id?: string
  user_alias?: { alias_name: string; alias_label: string }
  braze_id?: string | null
  _update_existing_only?: boolean
}

/** Ways to address a Braze user; at least one must be present on every object sent. */
export const identityFields: Record<string, InputField> = {
  external_id: {
    label: 'External User ID',
    description: 'The unique user identifier in Braze.',
    type: 'string',
    default: { '@path': '$.userId' }
  },
  user_alias: {
    label: 'User Alias Object',
    description: 'A user alias object; both the name and the label are needed.',
    type: 'object',
    properties: {
      alias_name: { label: 'Alias Name', description: 'The alias name.', type: 'string', required: true },
      alias_label: { label: 'Alias Label', description: 'The alias label.', type: 'string', required: true }
    }
  },
  braze_id: {
    label: 'Braze User Identifier',
    description: 'The Braze-generated identifier of the user.',
    type: 'string',
    allowNull: true,
    default: { '@path': '$.properties.braze_id' }
  },
  _update_existing_only: {
    label: 'Update Existing Only',
    description: 'When true, Braze only updates existing users and never creates new ones.',
    type: 'boolean',
    default: false
  }
}

/** The identifier part of a /users/track object, or a clear error naming what is missing. */
export function identityOf(payload: IdentityPayload): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (payload.external_id) out.external_id = payload.external_id
  else if (payload.user_alias) out.user_alias = payload.user_alias
  else if (payload.braze_id) out.braze_id = payload.braze_id
  else throw new PayloadValidationError('Braze: one of "external_id", "user_alias" or "braze_id" is required')
  if (payload._update_existing_only !== undefined) out._update_existing_only = payload._update_existing_only
  return out
}

/** Braze takes ISO 8601 times; epoch milliseconds are converted, anything unparsable is refused. */
export function toIsoTime(time: string | number, field = 'time'): string {
  const date = new Date(time)
  if (Number.isNaN(date.getTime())) throw new PayloadValidationError(`Braze field "${field}": "${time}" is not a date`)
  return date.toISOString()
}
