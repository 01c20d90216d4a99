import { PayloadValidationError } from '@action-destinations/core'
import type { ActionDefinition, RequestClient } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { callVendor } from '../../../lib/map-http-error'
import { apiHost } from '../regions'

/** Import API limit on events per request. */
const MAX_IMPORT_BATCH = 2000

function toMillis(time: string | number | undefined): number | undefined {
  if (time === undefined || time === '') return undefined
  if (typeof time === 'number') return time
  const millis = Date.parse(time)
  if (Number.isNaN(millis)) throw new PayloadValidationError(`Mixpanel field "time": "${time}" is not a date`)
  return millis
}

function toImportEvent(payload: Payload, settings: Settings): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    ...(payload.properties ?? {}),
    token: settings.projectToken,
    distinct_id: payload.distinct_id,
    time: toMillis(payload.time),
    $insert_id: payload.insert_id,
    $device_id: payload.anonymous_id,
    $user_id: payload.user_id,
    ip: payload.ip,
    $current_url: payload.url,
    $referrer: payload.referrer,
    $os: payload.os_name,
    $app_version_string: payload.app_version,
    $model: payload.device_model
  }
  for (const key of Object.keys(properties)) if (properties[key] === undefined) delete properties[key]
  return { event: payload.event, properties }
}

function importEvents(request: RequestClient, settings: Settings, payloads: Payload[]) {
  if (payloads.length > MAX_IMPORT_BATCH) {
    throw new PayloadValidationError(
      `Mixpanel accepts at most ${MAX_IMPORT_BATCH} events per import, got ${payloads.length}`
    )
  }
  // The Import API authenticates with the project's API secret as the basic-auth user name.
  return callVendor(
    'Mixpanel',
    request(`${apiHost(settings.apiRegion)}/import`, {
      method: 'post',
      searchParams: { strict: '1' },
      username: settings.apiSecret,
      password: '',
      json: payloads.map((payload) => toImportEvent(payload, settings))
    })
  )
}

const action: ActionDefinition<Settings, Payload> = {
  title: 'Track Event',
  description: 'Send events to Mixpanel through the Import API, one at a time or in batches.',
  defaultSubscription: 'type = "track"',
  fields: {
    event: {
      label: 'Event Name',
      description: 'The name of the event.',
      type: 'string',
      required: true,
      default: { '@path': '$.event' }
    },
    distinct_id: {
      label: 'Distinct ID',
      description: 'The identity the event is attributed to.',
      type: 'string',
      required: true,
      default: {
        '@if': { exists: { '@path': '$.userId' }, then: { '@path': '$.userId' }, else: { '@path': '$.anonymousId' } }
      }
    },
    anonymous_id: {
      label: 'Anonymous ID',
      description: 'Device identifier, used by Simplified ID Merge.',
      type: 'string',
      default: { '@path': '$.anonymousId' }
    },
    user_id: {
      label: 'User ID',
      description: 'Known user identifier, used by Simplified ID Merge.',
      type: 'string',
      default: { '@path': '$.userId' }
    },
    time: {
      label: 'Timestamp',
      description: 'The time the event occurred.',
      type: 'datetime',
      default: { '@path': '$.timestamp' }
    },
    insert_id: {
      label: 'Insert ID',
      description: 'Unique identifier Mixpanel uses to deduplicate events.',
      type: 'string',
      default: { '@path': '$.messageId' }
    },
    properties: {
      label: 'Event Properties',
      description: 'Properties of the event.',
      type: 'object',
      default: { '@path': '$.properties' }
    },
    ip: {
      label: 'IP Address',
      description: 'IP address of the user, used for geolocation.',
      type: 'string',
      default: { '@path': '$.context.ip' }
    },
    url: {
      label: 'URL',
      description: 'URL of the page the event happened on.',
      type: 'string',
      default: { '@path': '$.context.page.url' }
    },
    referrer: {
      label: 'Referrer',
      description: 'URL of the previous page.',
      type: 'string',
      default: { '@path': '$.context.page.referrer' }
    },
    os_name: {
      label: 'OS Name',
      description: 'Operating system of the device.',
      type: 'string',
      default: { '@path': '$.context.os.name' }
    },
    app_version: {
      label: 'App Version',
      description: 'Version of the app.',
      type: 'string',
      default: { '@path': '$.context.app.version' }
    },
    device_model: {
      label: 'Device Model',
      description: 'Model of the device.',
      type: 'string',
      default: { '@path': '$.context.device.model' }
    },
    enable_batching: {
      label: 'Batch Data to Mixpanel',
      description: 'Send events to the Import API in batches.',
      type: 'boolean',
      default: true
    },
    batch_size: {
      label: 'Batch Size',
      description: 'Maximum number of events per batch (Mixpanel allows up to 2000).',
      type: 'number',
      default: 1000,
      minimum: 1,
      maximum: MAX_IMPORT_BATCH,
      unsafe_hidden: true
    }
  },
  perform: (request, { payload, settings }) => importEvents(request, settings, [payload]),
  performBatch: (request, { payload, settings }) => importEvents(request, settings, payload)
}

export default action
