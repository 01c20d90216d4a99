import type { BrowserActionDefinition } from '../../../runtime/types'
import type { Settings } from '../generated-types'
import { compact } from '../compact'
import type { Gtag } from '../gtag'
import type { Payload } from './generated-types'

const action: BrowserActionDefinition<Settings, Gtag, Payload> = {
  title: 'Page View',
  description: 'Sends a page_view event. Turn off the "Page Views on Load" setting when using it.',
  platform: 'web',
  defaultSubscription: 'type = "page"',
  fields: {
    page_location: {
      label: 'Page Location',
      description: 'The full URL of the page.',
      type: 'string',
      default: { '@path': '$.context.page.url' }
    },
    page_title: {
      label: 'Page Title',
      description: 'The title of the page.',
      type: 'string',
      default: { '@path': '$.context.page.title' }
    },
    page_referrer: {
      label: 'Page Referrer',
      description: 'The URL of the page the visitor came from.',
      type: 'string',
      default: { '@path': '$.context.page.referrer' }
    }
  },
  perform: (gtag, { payload, settings }) => {
    gtag(
      'event',
      'page_view',
      compact({
        page_location: payload.page_location,
        page_title: payload.page_title,
        page_referrer: payload.page_referrer,
        send_to: settings.measurementID
      })
    )
  }
}

export default action
