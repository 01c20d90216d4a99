// DNS-rebinding and cross-site defences for everything except ingest: the Host header must name
// this server, and a browser request from another origin is refused. Ingest is exempt on purpose:
// analytics.js posts from the customer's site (cross-site by nature) and its write key is public.
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import {
  contentSecurityPolicy,
  hostOriginGuard,
  isLoopbackHost,
  LOOPBACK_NAMES,
  setSecurityHeaders
} from '../safety/host-origin-guard'

export interface HostPolicy {
  /** Host names (no port) accepted in the Host header; undefined accepts any. */
  names?: Set<string>
}

/**
 * Bound to loopback: its names only. Bound elsewhere: the names given with `allowedHosts`
 * (plus the bound address), or any name when none are given.
 */
export function hostPolicy(boundHost: string, allowedHosts?: string[]): HostPolicy {
  if (allowedHosts && allowedHosts.length > 0) {
    return { names: new Set([...allowedHosts.map((name) => name.toLowerCase()), boundHost.toLowerCase()]) }
  }
  if (isLoopbackHost(boundHost)) return { names: new Set([...LOOPBACK_NAMES, '::1', boundHost]) }
  return {}
}

/** The engine's guard: names only (a proxy may stand in front), cross-site reads refused too. */
export function checkHostAndOrigin(policy: HostPolicy): RequestHandler {
  return hostOriginGuard({
    names: policy.names,
    hostHint: '(requests for other names are refused to block DNS rebinding; pass --allowed-host to add one)',
    answer: (res, status, message) => res.status(status).json({ success: false, message })
  })
}

const POLICY = contentSecurityPolicy()

/** Content-Security-Policy and friends on every answer. */
export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  setSecurityHeaders(res, POLICY)
  next()
}
