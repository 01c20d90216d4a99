import { MultiStatusResponse, PayloadValidationError, getErrorCodeFromHttpStatus } from '@action-destinations/core'
import type { ActionDefinition, JSONLikeObject, RequestClient } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { callVendor, perRecordFailureBody } from '../../../lib/map-http-error'
import { apiHost } from '../regions'
import { setConversionFailure } from '../../../lib/conversion-failure'

const VENDOR = 'Mixpanel'

/** Import API limit on events per request. */
const MAX_IMPORT_BATCH = 2000

function toMillis(time: string | number | undefined): number | undefined {
  if (time === undefined || time === '') return undefined
  if (typeof time === 'number') return time
  const millis = Date.parse(time)
  if (Number.isNaN(millis)) throw new PayloadValidationError(`Mixpanel field "time": "${time}" is not a date`)
  return millis
}

function toImportEvent(payload: Payload, settings: Settings): JSONLikeObject {
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
  return { event: payload.event, properties: properties as JSONLikeObject }
}

/** What the Import API answers; with `strict=1` a 400 lists the records that failed validation. */
interface ImportResponse {
  code?: number
  error?: string
  status?: string
  num_records_imported?: number
  failed_records?: Array<{ index?: number; insert_id?: string; field?: string; message?: string }>
}

// The Import API authenticates with the project's API secret as the basic-auth user name.
function postImport(request: RequestClient, settings: Settings, events: JSONLikeObject[]) {
  return request<ImportResponse>(`${apiHost(settings.apiRegion)}/import`, {
    method: 'post',
    searchParams: { strict: '1' },
    username: settings.apiSecret,
    password: '',
    json: events
  })
}

function importOne(request: RequestClient, settings: Settings, payload: Payload) {
  return callVendor(VENDOR, postImport(request, settings, [toImportEvent(payload, settings)]))
}

/**
 * A batch with a result per event: payloads that cannot be converted fail alone, the rest go in
 * one request. Mixpanel imports the valid records of a strict import even when others fail, and
 * names the failed ones by index in a 400; only that answer is split, any other failure (auth,
 * rate limit, outage) fails the whole batch.
 */
async function importBatch(request: RequestClient, settings: Settings, payloads: Payload[]) {
  if (payloads.length > MAX_IMPORT_BATCH) {
    throw new PayloadValidationError(
      `Mixpanel accepts at most ${MAX_IMPORT_BATCH} events per import, got ${payloads.length}`
    )
  }
  const result = new MultiStatusResponse()
  const events: JSONLikeObject[] = []
  const owner: number[] = []
  payloads.forEach((payload, index) => {
    try {
      events.push(toImportEvent(payload, settings))
      owner.push(index)
    } catch (error) {
      setConversionFailure(result, index, error)
    }
  })
  if (events.length === 0) return result

  let body: ImportResponse
  try {
    body = (await postImport(request, settings, events)).data ?? {}
  } catch (error) {
    body = perRecordFailureBody<ImportResponse>(VENDOR, error, (answer) => Boolean(answer.failed_records?.length))
  }

  const failures = new Map<number, string[]>()
  for (const record of body.failed_records ?? []) {
    if (typeof record.index !== 'number' || events[record.index] === undefined) continue
    const reason = [record.field, record.message].filter(Boolean).join(': ') || 'failed validation'
    failures.set(record.index, [...(failures.get(record.index) ?? []), reason])
  }
  events.forEach((event, eventIndex) => {
    const reasons = failures.get(eventIndex)
    if (reasons) {
      result.setErrorResponseAtIndex(owner[eventIndex], {
        status: 400,
        errortype: getErrorCodeFromHttpStatus(400),
        errormessage: `Mixpanel rejected this event: ${reasons.join('; ')}`,
        sent: event,
        body: body as JSONLikeObject
      })
    } else {
      result.setSuccessResponseAtIndex(owner[eventIndex], { status: 200, sent: event, body: body as JSONLikeObject })
    }
  })
  return result
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
  perform: (request, { payload, settings }) => importOne(request, settings, payload),
  performBatch: (request, { payload, settings }) => importBatch(request, settings, payload)
}

export default action
