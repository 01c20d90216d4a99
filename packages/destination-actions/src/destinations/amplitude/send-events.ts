import type { RequestClient } from '@action-destinations/core'
import { callVendor } from '../../lib/map-http-error'
import type { AmplitudeEvent } from './convert-event'
import { endpointsFor } from './regional-endpoints'
import type { Settings } from './generated-types'

/** One HTTP V2 (or Batch) upload of ready-made events. */
export function sendEvents(
  request: RequestClient,
  settings: Settings,
  events: AmplitudeEvent[],
  options: { useBatchEndpoint?: boolean; minIdLength?: number | null }
) {
  const endpoints = endpointsFor(settings.endpoint)
  const body: Record<string, unknown> = { api_key: settings.apiKey, events }
  if (typeof options.minIdLength === 'number' && options.minIdLength > 0) {
    body.options = { min_id_length: options.minIdLength }
  }
  const url = options.useBatchEndpoint ? endpoints.batch : endpoints.httpapi
  return callVendor('Amplitude', request(url, { method: 'post', json: body }))
}

/** The form-encoded APIs (Identify, Group Identify, User Mapping) take JSON inside one form parameter. */
export function sendForm(request: RequestClient, url: string, fields: Record<string, string>) {
  return callVendor(
    'Amplitude',
    request(url, {
      method: 'post',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString()
    })
  )
}
