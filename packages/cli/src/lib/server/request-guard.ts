import type { NextFunction, Request, RequestHandler, Response } from 'express'
import {
  contentSecurityPolicy,
  hostOriginGuard,
  LOOPBACK_NAMES,
  setSecurityHeaders
} from '@action-destinations/delivery/safety'

// The page loads only its own files (its components set style attributes); nothing may frame it.
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy({ inlineStyles: true })

/** Told of each refused request, e.g. to log it. */
export type RefusalLog = (line: string) => void

function refuse(req: Request, res: Response, status: number, message: string, log?: RefusalLog): void {
  res.status(status).json({ error: { message, status } })
  log?.(`${req.method} ${req.path} -> ${status}: ${message}`)
}

/**
 * Refuses what a hostile web page could send through the author's browser (DNS rebinding,
 * cross-site requests) and sets the headers that keep the page from being framed.
 *
 * - `Host` must be one of `hosts` or a loopback name, with the port the request arrived on;
 * - an `Origin` from another site is refused, and so is a cross-site request that changes things
 *   (`Sec-Fetch-Site: cross-site` on anything but GET; a link to the page still opens it).
 */
export function requestGuard(hosts: readonly string[], log?: RefusalLog): RequestHandler {
  const guard = hostOriginGuard({
    names: [...LOOPBACK_NAMES, ...hosts],
    checkPort: true,
    allowCrossSiteReads: true,
    hostHint: '(requests for other names are refused to block DNS rebinding; pass --host to listen elsewhere)',
    answer: (res, status, message) => res.status(status).json({ error: { message, status } }),
    log
  })
  return (req: Request, res: Response, next: NextFunction) => {
    setSecurityHeaders(res, CONTENT_SECURITY_POLICY)
    guard(req, res, next)
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
