import type { ActionDefinition } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { callVendor } from '../../../lib/map-http-error'
import { buildRequest, checkUrl } from './build-request'

const action: ActionDefinition<Settings, Payload> = {
  title: 'Send',
  description: 'Send an HTTP request to any URL, one event per request or a JSON array per batch.',
  defaultSubscription: 'type = "track" or type = "identify" or type = "page" or type = "screen" or type = "group"',
  fields: {
    url: {
      label: 'URL',
      description: 'URL to deliver data to.',
      type: 'string',
      format: 'uri',
      required: true
    },
    method: {
      label: 'Method',
      description: 'HTTP method to use.',
      type: 'string',
      choices: [
        { label: 'POST', value: 'POST' },
        { label: 'PUT', value: 'PUT' },
        { label: 'PATCH', value: 'PATCH' }
      ],
      default: 'POST',
      required: true
    },
    headers: {
      label: 'Headers',
      description: 'Extra HTTP headers to send with each request.',
      type: 'object',
      defaultObjectUI: 'keyvalue:only'
    },
    data: {
      label: 'Data',
      description: 'Payload to deliver to the webhook URL (JSON-encoded).',
      type: 'object',
      default: { '@path': '$.' }
    },
    enable_batching: {
      label: 'Batch Data to Webhook',
      description: 'When enabled, events are delivered in batches: the body is a JSON array of the data objects.',
      type: 'boolean',
      default: false
    },
    batch_size: {
      label: 'Batch Size',
      description: 'Maximum number of events to include in each batch.',
      type: 'number',
      default: 100,
      minimum: 1,
      maximum: 1000,
      unsafe_hidden: true
    },
    batch_keys: {
      label: 'Batch Keys',
      description: 'The keys to use for batching the events.',
      type: 'string',
      unsafe_hidden: true,
      required: false,
      multiple: true,
      default: ['url', 'method', 'headers']
    }
  },
  perform: (request, { payload, settings }) => {
    const url = checkUrl(payload.url)
    return callVendor(
      'Webhook',
      request(url, buildRequest(payload.method, payload.headers, payload.data, settings.sharedSecret))
    )
  },
  performBatch: (request, { payload, settings }) => {
    // batch_keys guarantee every event in a batch shares url, method and headers.
    const first = payload[0]
    const url = checkUrl(first.url)
    const bodies = payload.map((event) => event.data ?? {})
    return callVendor('Webhook', request(url, buildRequest(first.method, first.headers, bodies, settings.sharedSecret)))
  }
}

export default action
