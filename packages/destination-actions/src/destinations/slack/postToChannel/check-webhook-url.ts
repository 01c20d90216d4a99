import { PayloadValidationError } from '@action-destinations/core'

const SLACK_WEBHOOK_HOST = 'hooks.slack.com'

/** Only Slack's own webhook host is accepted, so a mistyped URL never leaks messages elsewhere. */
export function checkWebhookUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new PayloadValidationError(
      `Webhook URL "${url}" is not a valid URL; expected https://${SLACK_WEBHOOK_HOST}/…`
    )
  }
  if (parsed.protocol !== 'https:' || parsed.hostname !== SLACK_WEBHOOK_HOST) {
    throw new PayloadValidationError(
      `Webhook URL "${url}" is not a Slack incoming webhook URL; it must start with https://${SLACK_WEBHOOK_HOST}/`
    )
  }
  return parsed.toString()
}
