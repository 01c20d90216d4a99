import type { DestinationDefinition } from '@action-destinations/core'
import type { Settings } from './generated-types'
import send from './send'

const destination: DestinationDefinition<Settings> = {
  name: 'Webhook (Actions)',
  slug: 'actions-webhook',
  mode: 'cloud',
  description: 'Send events to any HTTP endpoint, optionally batched and signed with HMAC-SHA256.',
  authentication: {
    scheme: 'custom',
    fields: {
      sharedSecret: {
        label: 'Shared Secret',
        description:
          'Secret used to sign each request body with HMAC-SHA256; the hex digest is sent in the X-Signature header.',
        type: 'password'
      }
    }
  },
  actions: {
    send
  }
}

export default destination
