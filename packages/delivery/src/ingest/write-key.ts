import type { IncomingHttpHeaders } from 'http'

/**
 * The write key from `Authorization: Basic base64(<writeKey>:)` (the user name), or undefined when
 * the header is missing or not Basic. Segment's clients send it this way; browsers put `writeKey`
 * in the body instead (see parseIngestBody).
 */
export function writeKeyFromHeaders(headers: IncomingHttpHeaders): string | undefined {
  const header = headers.authorization
  if (typeof header !== 'string') return undefined
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header)
  if (!match) return undefined
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  const user = colon === -1 ? decoded : decoded.slice(0, colon)
  return user === '' ? undefined : user
}
