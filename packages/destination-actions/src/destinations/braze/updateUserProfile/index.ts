import { PayloadValidationError } from '@action-destinations/core'
import type { ActionDefinition, JSONLikeObject } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { identityFields, identityOf } from '../identity'
import { batchingFields } from '../batching-fields'
import { trackBatch, trackOne } from '../users-track'

/** Segment's free-form gender traits, reduced to the codes Braze accepts. */
const GENDERS: Record<string, string> = {
  m: 'M',
  male: 'M',
  f: 'F',
  female: 'F',
  o: 'O',
  other: 'O',
  n: 'N',
  not_applicable: 'N',
  p: 'P',
  prefer_not_to_say: 'P'
}

const STANDARD_ATTRIBUTES = [
  'first_name',
  'last_name',
  'email',
  'phone',
  'country',
  'home_city',
  'language',
  'time_zone',
  'email_subscribe',
  'push_subscribe'
] as const

function toAttributes(payload: Payload): JSONLikeObject {
  const attributes: JSONLikeObject = { ...(payload.custom_attributes ?? {}), ...identityOf(payload) } as JSONLikeObject
  for (const key of STANDARD_ATTRIBUTES) {
    const value = payload[key]
    if (value !== undefined && value !== null && value !== '') attributes[key] = value
  }
  if (payload.gender) {
    const code = GENDERS[payload.gender.toLowerCase().replace(/[\s-]+/g, '_')]
    if (!code) throw new PayloadValidationError(`Braze field "gender": "${payload.gender}" is not one of M, F, O, N, P`)
    attributes.gender = code
  }
  if (payload.dob !== undefined && payload.dob !== '') {
    const date = new Date(payload.dob)
    if (Number.isNaN(date.getTime()))
      throw new PayloadValidationError(`Braze field "dob": "${payload.dob}" is not a date`)
    attributes.dob = date.toISOString().slice(0, 10)
  }
  return attributes
}

const trait = (key: string) => ({ '@path': `$.traits.${key}` })

const action: ActionDefinition<Settings, Payload> = {
  title: 'Update User Profile',
  description: "Update a Braze user's standard and custom attributes.",
  defaultSubscription: 'type = "identify"',
  fields: {
    ...identityFields,
    first_name: {
      label: 'First Name',
      description: "The user's first name.",
      type: 'string',
      default: trait('firstName')
    },
    last_name: { label: 'Last Name', description: "The user's last name.", type: 'string', default: trait('lastName') },
    email: {
      label: 'Email',
      description: "The user's email address.",
      type: 'string',
      format: 'email',
      default: trait('email')
    },
    phone: { label: 'Phone Number', description: "The user's phone number.", type: 'string', default: trait('phone') },
    gender: {
      label: 'Gender',
      description: 'M, F, O (other), N (not applicable) or P (prefer not to say).',
      type: 'string',
      default: trait('gender')
    },
    dob: {
      label: 'Date of Birth',
      description: "The user's date of birth.",
      type: 'datetime',
      default: trait('birthday')
    },
    country: {
      label: 'Country',
      description: "The user's country.",
      type: 'string',
      default: trait('address.country')
    },
    home_city: {
      label: 'Home City',
      description: "The user's home city.",
      type: 'string',
      default: trait('address.city')
    },
    language: {
      label: 'Language',
      description: "The user's language (ISO 639-1).",
      type: 'string',
      default: { '@path': '$.context.locale' }
    },
    time_zone: {
      label: 'Time Zone',
      description: 'IANA time zone name, e.g. "America/New_York".',
      type: 'string',
      default: { '@path': '$.context.timezone' }
    },
    email_subscribe: {
      label: 'Email Subscribe',
      description: 'The user’s email subscription state: "opted_in", "subscribed" or "unsubscribed".',
      type: 'string',
      choices: ['opted_in', 'subscribed', 'unsubscribed']
    },
    push_subscribe: {
      label: 'Push Subscribe',
      description: 'The user’s push subscription state: "opted_in", "subscribed" or "unsubscribed".',
      type: 'string',
      choices: ['opted_in', 'subscribed', 'unsubscribed']
    },
    custom_attributes: {
      label: 'Custom Attributes',
      description: 'Any other attributes to set on the user.',
      type: 'object',
      default: { '@path': '$.traits' }
    },
    ...batchingFields
  },
  perform: (request, { payload, settings }) => trackOne(request, settings, 'attributes', [toAttributes(payload)]),
  performBatch: (request, { payload, settings }) =>
    trackBatch(request, settings, 'attributes', payload, (item) => [toAttributes(item)])
}

export default action
