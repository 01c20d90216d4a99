import { createHmac } from 'crypto'

/** Hex HMAC-SHA256 of the exact bytes sent, so receivers can verify the body they got. */
export function signBody(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('hex')
}
