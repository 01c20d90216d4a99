import { PayloadValidationError } from '@action-destinations/core'
import type { RequestClient } from '@action-destinations/core'
import { callVendor } from '../../lib/map-http-error'
import type { Settings } from './generated-types'

/** Fields of the common identity block (see common-fields.ts). */
export interface IdentityPayload {
  client_id: string
  user_id?: string
  timestamp_micros?: string | number
  user_properties?: Record<string, unknown>
  engagement_time_msec?: number
  params?: Record<string, unknown>
}

const HOSTS: Record<string, string> = {
  global: 'https://www.google-analytics.com',
  eu: 'https://region1.google-analytics.com'
}

function toMicros(time: string | number | undefined): number | undefined {
  if (time === undefined || time === '') return undefined
  if (typeof time === 'number') return time
  const millis = Date.parse(time)
  if (Number.isNaN(millis)) throw new PayloadValidationError(`GA4 field "timestamp_micros": "${time}" is not a date`)
  return millis * 1000
}

/** Measurement Protocol wants each user property wrapped as { value }. */
function wrapUserProperties(properties: Record<string, unknown> | undefined) {
  if (!properties) return undefined
  const out: Record<string, { value: unknown }> = {}
  for (const [key, value] of Object.entries(properties)) out[key] = { value }
  return out
}

/** Sends one event; undefined parameters are left out so GA4 does not record empty values. */
export function sendEvent(
  request: RequestClient,
  settings: Settings,
  payload: IdentityPayload,
  name: string,
  params: Record<string, unknown>
) {
  const allParams: Record<string, unknown> = { ...(payload.params ?? {}), ...params }
  if (payload.engagement_time_msec !== undefined) allParams.engagement_time_msec = payload.engagement_time_msec
  for (const key of Object.keys(allParams)) if (allParams[key] === undefined) delete allParams[key]

  const body: Record<string, unknown> = { client_id: payload.client_id }
  if (payload.user_id) body.user_id = payload.user_id
  const micros = toMicros(payload.timestamp_micros)
  if (micros !== undefined) body.timestamp_micros = micros
  const userProperties = wrapUserProperties(payload.user_properties)
  if (userProperties) body.user_properties = userProperties
  body.events = [{ name, params: allParams }]

  const region = settings.region ?? 'global'
  if (!Object.prototype.hasOwnProperty.call(HOSTS, region)) {
    throw new Error(`GA4 setting "region": "${region}" is not one of ${Object.keys(HOSTS).join(', ')}`)
  }
  const host = HOSTS[region]
  return callVendor(
    'Google Analytics 4',
    request(`${host}/mp/collect`, {
      method: 'post',
      searchParams: { measurement_id: settings.measurementId, api_secret: settings.apiSecret },
      json: body
    })
  )
}
