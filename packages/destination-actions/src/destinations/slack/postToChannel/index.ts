import type { ActionDefinition } from '@action-destinations/core'
import type { Settings } from '../generated-types'
import type { Payload } from './generated-types'
import { callVendor } from '../../../lib/map-http-error'
import { checkWebhookUrl } from './check-webhook-url'

const action: ActionDefinition<Settings, Payload> = {
  title: 'Post Message',
  description: 'Post a message to a Slack channel through an incoming webhook.',
  defaultSubscription: 'type = "track"',
  fields: {
    url: {
      label: 'Webhook URL',
      description: 'Slack incoming webhook URL, e.g. https://hooks.slack.com/services/T000/B000/XXXX.',
      type: 'string',
      format: 'uri',
      required: true
    },
    text: {
      label: 'Message',
      description: 'The text of the message. Supports Slack mrkdwn formatting.',
      type: 'text',
      required: true,
      default: { '@template': '{{event}} by {{userId}}' }
    },
    channel: {
      label: 'Channel',
      description: "Channel to post to, overriding the webhook's default channel (legacy webhooks only).",
      type: 'string'
    },
    username: {
      label: 'User',
      description: 'Name shown as the sender of the message.',
      type: 'string',
      default: 'Segment'
    },
    icon_url: {
      label: 'Icon URL',
      description: "URL of an image used as the sender's icon.",
      type: 'string',
      format: 'uri'
    }
  },
  perform: (request, { payload }) => {
    const url = checkWebhookUrl(payload.url)
    return callVendor(
      'Slack',
      request(url, {
        method: 'post',
        json: {
          text: payload.text,
          channel: payload.channel,
          username: payload.username,
          icon_url: payload.icon_url
        }
      })
    )
  }
}

export default action
