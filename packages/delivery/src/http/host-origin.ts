// DNS-rebinding and cross-site defences for everything except ingest: the Host header must name
// this server, and a browser request from another origin is refused. Ingest is exempt on purpose:
// analytics.js posts from the customer's site (cross-site by nature) and its write key is public.
import type { NextFunction, Request, Response } from 'express'

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]', '::1']

export interface HostPolicy {
  /** Host names (no port) accepted in the Host header; undefined accepts any. */
  names?: Set<string>
}

function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1' || host.startsWith('127.')
}

/**
 * Bound to loopback: its names only. Bound elsewhere: the names given with `allowedHosts`
 * (plus the bound address), or any name when none are given.
 */
export function hostPolicy(boundHost: string, allowedHosts?: string[]): HostPolicy {
  if (allowedHosts && allowedHosts.length > 0) {
    return { names: new Set([...allowedHosts.map((name) => name.toLowerCase()), boundHost.toLowerCase()]) }
  }
  if (isLoopback(boundHost)) return { names: new Set([...LOOPBACK_NAMES, boundHost]) }
  return {}
}

function hostname(hostHeader: string): string {
  const lower = hostHeader.toLowerCase()
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1)
  const colon = lower.lastIndexOf(':')
  return colon === -1 ? lower : lower.slice(0, colon)
}

function refuse(res: Response, message: string): void {
  res.status(403).json({ success: false, message })
}

export function checkHostAndOrigin(policy: HostPolicy) {
  return function hostAndOrigin(req: Request, res: Response, next: NextFunction): void {
    const host = req.headers.host
    if (policy.names && (typeof host !== 'string' || !policy.names.has(hostname(host)))) {
      return refuse(res, `Host "${host ?? ''}" is not a name of this server`)
    }
    const origin = req.headers.origin
    if (typeof origin === 'string' && origin !== 'null') {
      let originHost: string
      try {
        originHost = new URL(origin).host
      } catch {
        return refuse(res, `Origin "${origin}" is not a URL`)
      }
      if (originHost !== host) return refuse(res, `Cross-site requests are not allowed (Origin ${origin})`)
    } else if (origin === 'null' || req.headers['sec-fetch-site'] === 'cross-site') {
      return refuse(res, 'Cross-site requests are not allowed')
    }
    next()
  }
}

/** Content-Security-Policy and friends on every answer. */
export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
  )
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('Referrer-Policy', 'no-referrer')
  next()
}
