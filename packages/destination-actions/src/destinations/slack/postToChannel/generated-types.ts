// Generated file. DO NOT MODIFY IT BY HAND.

export interface Payload {
  /**
   * Slack incoming webhook URL, e.g. https://hooks.slack.com/services/T000/B000/XXXX.
   */
  url: string
  /**
   * The text of the message. Supports Slack mrkdwn formatting.
   */
  text: string
  /**
   * Channel to post to, overriding the webhook's default channel (legacy webhooks only).
   */
  channel?: string
  /**
   * Name shown as the sender of the message.
   */
  username?: string
  /**
   * URL of an image used as the sender's icon.
   */
  icon_url?: string
}
