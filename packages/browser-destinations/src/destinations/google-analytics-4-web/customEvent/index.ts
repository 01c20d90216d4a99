import type { BrowserActionDefinition } from '../../../runtime/types'
import type { Settings } from '../generated-types'
import { compact } from '../compact'
import type { Gtag } from '../gtag'
import type { Payload } from './generated-types'

/** GA4 event names: letters, digits and underscores, starting with a letter, at most 40 characters. */
export function ga4EventName(name: string): string {
  const cleaned = name
    .trim()
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^[^A-Za-z]+/, '')
  return cleaned.slice(0, 40)
}

const action: BrowserActionDefinition<Settings, Gtag, Payload> = {
  title: 'Custom Event',
  description: 'Sends any event under a name of your choosing, with its properties as parameters.',
  platform: 'web',
  defaultSubscription: 'type = "track"',
  fields: {
    name: {
      label: 'Event Name',
      description: 'The event name; characters GA4 does not accept become underscores.',
      type: 'string',
      required: true,
      default: { '@path': '$.event' }
    },
    lowercase: {
      label: 'Lowercase Event Name',
      description: 'Send the event name in lower case.',
      type: 'boolean',
      default: false
    },
    params: {
      label: 'Event Parameters',
      description: 'Parameters sent with the event (custom dimensions and metrics).',
      type: 'object',
      default: { '@path': '$.properties' }
    }
  },
  perform: (gtag, { payload, settings }) => {
    const name = ga4EventName(payload.lowercase ? payload.name.toLowerCase() : payload.name)
    if (name === '') throw new Error(`Custom Event: "${payload.name}" has no characters GA4 accepts in an event name`)
    gtag('event', name, compact({ ...payload.params, send_to: settings.measurementID }))
  }
}

export default action
