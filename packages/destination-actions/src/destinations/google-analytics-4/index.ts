import type { DestinationDefinition } from '@action-destinations/core'
import type { Settings } from './generated-types'
import purchase from './purchase'
import addToCart from './addToCart'
import beginCheckout from './beginCheckout'
import viewItem from './viewItem'
import login from './login'
import signUp from './signUp'
import pageView from './pageView'
import search from './search'
import customEvent from './customEvent'

const destination: DestinationDefinition<Settings> = {
  name: 'Google Analytics 4 Cloud',
  slug: 'actions-google-analytics-4',
  mode: 'cloud',
  description: 'Send recommended and custom events to Google Analytics 4 with the Measurement Protocol.',
  authentication: {
    scheme: 'custom',
    fields: {
      measurementId: {
        label: 'Measurement ID',
        description: 'The measurement ID of the web data stream, e.g. G-XXXXXXXXXX (Admin → Data Streams).',
        type: 'string',
        required: true
      },
      apiSecret: {
        label: 'API Secret',
        description: 'A Measurement Protocol API secret created for the data stream.',
        type: 'password',
        required: true
      },
      region: {
        label: 'Collection Region',
        description: 'Send data to the global endpoint or keep collection in the EU.',
        type: 'string',
        format: 'text',
        choices: [
          { label: 'Global', value: 'global' },
          { label: 'European Union', value: 'eu' }
        ],
        default: 'global'
      }
    }
  },
  actions: {
    purchase,
    addToCart,
    beginCheckout,
    viewItem,
    login,
    signUp,
    pageView,
    search,
    customEvent
  }
}

export default destination
