import type { NextFunction, Request, RequestHandler, Response } from 'express'

/** Names that always reach a server listening on loopback. */
export const LOOPBACK_NAMES: readonly string[] = ['localhost', '127.0.0.1', '[::1]']

// The page loads only its own files; nothing may frame it (clickjacking) or post it elsewhere.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'"
].join('; ')

/** Told of each refused request, e.g. to log it. */
export type RefusalLog = (line: string) => void

function refuse(req: Request, res: Response, status: number, message: string, log?: RefusalLog): void {
  res.status(status).json({ error: { message, status } })
  log?.(`${req.method} ${req.path} -> ${status}: ${message}`)
}

/** `name:port` in lower case, with the default port made explicit. */
function hostWithPort(host: string, defaultPort: number): string {
  const lower = host.trim().toLowerCase()
  return /:\d+$/.test(lower) ? lower : `${lower}:${defaultPort}`
}

/**
 * Refuses what a hostile web page could send through the author's browser (DNS rebinding,
 * cross-site requests) and sets the headers that keep the page from being framed.
 *
 * - `Host` must be one of `hosts` (names, no port) with the port the request arrived on;
 * - an `Origin` from another site is refused, and so is a cross-site request that changes things
 *   (`Sec-Fetch-Site: cross-site` on anything but GET; a link to the page still opens it).
 */
export function requestGuard(hosts: readonly string[], log?: RefusalLog): RequestHandler {
  const names = new Set([...LOOPBACK_NAMES, ...hosts].map((name) => name.toLowerCase()))
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    res.setHeader('X-Frame-Options', 'DENY')
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'no-referrer')
    const port = req.socket.localPort ?? 80
    const allowed = new Set([...names].map((name) => `${name}:${port}`))
    const host = req.headers.host
    if (!host || !allowed.has(hostWithPort(host, 80))) {
      refuse(
        req,
        res,
        403,
        `Host "${host ?? ''}" is not this server: use one of ${[...allowed].join(', ')} ` +
          '(requests for other names are refused to block DNS rebinding; pass --host to listen elsewhere)',
        log
      )
      return
    }
    const origin = req.headers.origin
    if (origin !== undefined && origin !== 'null') {
      let originHost = ''
      try {
        const url = new URL(origin)
        originHost = hostWithPort(url.host, url.protocol === 'https:' ? 443 : 80)
      } catch {
        originHost = ''
      }
      if (!allowed.has(originHost)) {
        refuse(req, res, 403, `Origin "${origin}" is another site: the local server answers only its own page`, log)
        return
      }
    } else if (
      origin === 'null' ||
      (!['GET', 'HEAD'].includes(req.method) && req.headers['sec-fetch-site'] === 'cross-site')
    ) {
      refuse(req, res, 403, 'Cross-site requests are refused: the local server answers only its own page', log)
      return
    }
    next()
  }
}

// Methods whose body the server reads.
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

function hasBody(req: Request): boolean {
  const length = req.headers['content-length']
  if (length !== undefined) return Number(length) > 0
  return req.headers['transfer-encoding'] !== undefined
}

/**
 * Bodies must be JSON in UTF-8: a body without `content-type`, of another type, or in another
 * charset is refused with 415 rather than read as empty.
 */
export function jsonOnly(log?: RefusalLog): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!WITH_BODY.has(req.method) || !hasBody(req)) {
      next()
      return
    }
    const route = `${req.method} ${req.path}`
    const type = req.headers['content-type']
    if (!type) {
      refuse(
        req,
        res,
        415,
        `${route}: the body has no content-type; send JSON with "content-type: application/json"`,
        log
      )
      return
    }
    const [media, ...parameters] = type.split(';').map((part) => part.trim().toLowerCase())
    if (media !== 'application/json' && !/^application\/[a-z0-9.+-]+\+json$/.test(media)) {
      refuse(req, res, 415, `${route}: content-type "${type}" is not JSON; send "content-type: application/json"`, log)
      return
    }
    const charset = parameters.find((part) => part.startsWith('charset='))?.slice('charset='.length)
    const unquoted = charset?.replace(/^"|"$/g, '')
    if (unquoted !== undefined && unquoted !== 'utf-8' && unquoted !== 'utf8') {
      refuse(req, res, 415, `${route}: charset "${unquoted}" is not supported; send JSON in UTF-8`, log)
      return
    }
    next()
  }
}
