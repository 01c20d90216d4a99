import type { DestinationDefinition } from '@action-destinations/core'
import type { Settings } from './generated-types'
import postToChannel from './postToChannel'

const destination: DestinationDefinition<Settings> = {
  name: 'Slack (Actions)',
  slug: 'actions-slack',
  mode: 'cloud',
  description: 'Post messages to Slack channels through incoming webhooks.',
  actions: {
    postToChannel
  }
}

export default destination
