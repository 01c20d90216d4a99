import type { BrowserDestinationDefinition } from '../../runtime/types'
import type { Settings } from './generated-types'
import { gtagUrl, installGtag, type Gtag } from './gtag'
import customEvent from './customEvent'
import pageView from './pageView'
import purchase from './purchase'
import setConfigurationFields from './setConfigurationFields'
import signUp from './signUp'

export const destination: BrowserDestinationDefinition<Settings, Gtag> = {
  name: 'Google Analytics 4 Web',
  slug: 'actions-google-analytics-4-web',
  mode: 'device',
  description: 'Loads gtag.js in the page and sends page views, recommended and custom events to Google Analytics 4.',
  settings: {
    measurementID: {
      label: 'Measurement ID',
      description: 'The measurement ID of the web data stream, e.g. G-XXXXXXXXXX (Admin → Data Streams).',
      type: 'string',
      required: true
    },
    pageView: {
      label: 'Page Views on Load',
      description: 'Let gtag.js send a page_view when it loads. Turn off when a Page View action sends them.',
      type: 'boolean',
      default: true
    },
    allowGoogleSignals: {
      label: 'Allow Google Signals',
      description: 'Allow Google signals data collection (cross-device reporting).',
      type: 'boolean',
      default: false
    },
    allowAdPersonalizationSignals: {
      label: 'Allow Ad Personalization Signals',
      description: 'Allow the data collected to be used to personalize ads.',
      type: 'boolean',
      default: false
    },
    cookieDomain: {
      label: 'Cookie Domain',
      description: 'The domain of the _ga cookie; "auto" picks the highest level domain.',
      type: 'string',
      default: 'auto'
    },
    gtagUrl: {
      label: 'gtag.js URL',
      description: 'Where gtag.js is loaded from (the id is appended). Only for tests and self-hosting.',
      type: 'string',
      default: 'https://www.googletagmanager.com/gtag/js',
      unsafe_hidden: true
    }
  },
  initialize: async ({ settings }, { loadScript }) => {
    if (typeof settings.measurementID !== 'string' || settings.measurementID.trim() === '') {
      throw new Error('Google Analytics 4 Web: settings.measurementID must be a measurement ID such as G-XXXXXXXXXX')
    }
    const gtag = installGtag()
    gtag('js', new Date())
    gtag('set', 'allow_google_signals', settings.allowGoogleSignals === true)
    gtag('set', 'allow_ad_personalization_signals', settings.allowAdPersonalizationSignals === true)
    gtag('config', settings.measurementID, {
      send_page_view: settings.pageView !== false,
      cookie_domain: settings.cookieDomain ?? 'auto'
    })
    await loadScript(gtagUrl(settings.gtagUrl, settings.measurementID))
    return gtag
  },
  actions: {
    setConfigurationFields,
    pageView,
    purchase,
    signUp,
    customEvent
  },
  presets: [
    {
      name: 'Set Configuration Fields',
      subscribe: 'type = "identify" or type = "page"',
      partnerAction: 'setConfigurationFields',
      type: 'automatic'
    },
    {
      name: 'Purchase',
      subscribe: 'type = "track" and event = "Order Completed"',
      partnerAction: 'purchase',
      type: 'automatic'
    },
    {
      name: 'Sign Up',
      subscribe: 'type = "track" and event = "Signed Up"',
      partnerAction: 'signUp',
      type: 'automatic'
    }
  ]
}

export default destination
