import type { ActionDefinition } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { eventFields } from '../event-fields'
import { requireIdentity } from '../convert-event'
import { sendForm } from '../send-events'
import { endpointsFor } from '../regional-endpoints'

/** Identify API keys taken from the shared event fields; event-only fields (type, time, ids) do not apply. */
const {
  user_id,
  device_id,
  user_properties,
  groups,
  app_version,
  platform,
  os_name,
  os_version,
  device_brand,
  device_manufacturer,
  device_model,
  carrier,
  country,
  region,
  city,
  language
} = eventFields

const action: ActionDefinition<Settings, Payload> = {
  title: 'Identify User',
  description: "Set the user's properties in Amplitude through the Identify API.",
  defaultSubscription: 'type = "identify"',
  fields: {
    user_id,
    device_id,
    user_properties: { ...user_properties, default: { '@path': '$.traits' } },
    groups,
    app_version,
    platform,
    os_name,
    os_version,
    device_brand,
    device_manufacturer,
    device_model,
    carrier,
    country,
    region,
    city,
    language,
    paying: {
      label: 'Is Paying',
      description: 'Whether the user is paying or not.',
      type: 'boolean'
    },
    start_version: {
      label: 'Initial Version',
      description: 'The version of the app the user was first on.',
      type: 'string'
    }
  },
  perform: (request, { payload, settings }) => {
    requireIdentity(payload, 'Identify User')
    const identification: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(payload)) {
      if (value !== undefined && value !== null && value !== '') identification[key] = value
    }
    return sendForm(request, endpointsFor(settings.endpoint).identify, {
      api_key: settings.apiKey,
      identification: JSON.stringify([identification])
    })
  }
}

export default action
