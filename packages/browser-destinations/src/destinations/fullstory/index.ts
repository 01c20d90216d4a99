import type { BrowserDestinationDefinition } from '../../runtime/types'
import { DEFAULT_FS_SCRIPT_URL, installFullStory, type FullStoryApi } from './fs-api'
import type { Settings } from './generated-types'
import identifyUser from './identifyUser'
import trackEvent from './trackEvent'
import viewedPage from './viewedPage'

export const destination: BrowserDestinationDefinition<Settings, FullStoryApi> = {
  name: 'Fullstory (Actions)',
  slug: 'actions-fullstory',
  mode: 'device',
  description: 'Loads FullStory session capture in the page and sends custom events, user identities and page names.',
  settings: {
    orgId: {
      label: 'Org ID',
      description: 'The organization ID of your FullStory account (Settings → Data Capture → FullStory Setup).',
      type: 'string',
      required: true
    },
    scriptUrl: {
      label: 'fs.js URL',
      description: 'Where the FullStory script is loaded from. Only for tests and self-hosting.',
      type: 'string',
      default: 'https://edge.fullstory.com/s/fs.js',
      unsafe_hidden: true
    }
  },
  initialize: async ({ settings }, { loadScript }) => {
    if (typeof settings.orgId !== 'string' || settings.orgId.trim() === '') {
      throw new Error('Fullstory (Actions): settings.orgId must be your FullStory org ID')
    }
    const scriptUrl =
      settings.scriptUrl && settings.scriptUrl.trim() !== '' ? settings.scriptUrl : DEFAULT_FS_SCRIPT_URL
    const fs = installFullStory(settings.orgId, scriptUrl)
    await loadScript(scriptUrl, { crossorigin: 'anonymous' })
    return fs
  },
  actions: {
    trackEvent,
    identifyUser,
    viewedPage
  },
  presets: [
    { name: 'Track Event', subscribe: 'type = "track"', partnerAction: 'trackEvent', type: 'automatic' },
    { name: 'Identify User', subscribe: 'type = "identify"', partnerAction: 'identifyUser', type: 'automatic' },
    { name: 'Viewed Page', subscribe: 'type = "page"', partnerAction: 'viewedPage', type: 'automatic' }
  ]
}

export default destination
