// The console's doors: Host and Origin (the engine's own checks: no DNS rebinding, no cross-site
// requests), an admin token when the engine listens beyond loopback, and headers that keep the
// page to its own files.
import { createHmac, timingSafeEqual } from 'crypto'
import type { NextFunction, Request, Response } from 'express'
import { checkHostAndOrigin, hostPolicy } from '../http/host-origin'
import { contentSecurityPolicy, isLoopbackHost, setSecurityHeaders } from '../safety/host-origin-guard'

const CONTENT_SECURITY_POLICY = contentSecurityPolicy()

export const SESSION_COOKIE = 'delivery_console'

export interface GuardOptions {
  /** The interface the engine listens on: loopback needs no login. */
  listenHost: string
  /** Host names (besides loopback ones) the page may be reached by. */
  allowedHosts?: string[]
  /** Required to use the console when listening beyond loopback; a function when it is known later. */
  adminToken?: string | (() => string | undefined)
}

/** A cookie value that proves the token without being it. */
export function sessionValue(token: string): string {
  return createHmac('sha256', token).update('delivery console session').digest('hex')
}

function cookieOf(req: Request, name: string): string | undefined {
  const header = req.headers.cookie ?? ''
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return undefined
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

export class ConsoleGuard {
  readonly needsLogin: boolean
  private readonly hostAndOrigin: ReturnType<typeof checkHostAndOrigin>

  constructor(private readonly options: GuardOptions) {
    this.needsLogin = !isLoopbackHost(options.listenHost)
    this.hostAndOrigin = checkHostAndOrigin(hostPolicy(options.listenHost, options.allowedHosts))
  }

  private token(): string | undefined {
    const { adminToken } = this.options
    return typeof adminToken === 'function' ? adminToken() : adminToken
  }

  loggedIn(req: Request): boolean {
    if (!this.needsLogin) return true
    const token = this.token()
    if (!token) return false
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')
    if (bearer && sameText(bearer[1], token)) return true
    const cookie = cookieOf(req, SESSION_COOKIE)
    return cookie !== undefined && sameText(cookie, sessionValue(token))
  }

  tokenMatches(given: string): boolean {
    const token = this.token()
    return token !== undefined && sameText(given, token)
  }

  /** Security headers and the Host / Origin checks for every console request. */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    setSecurityHeaders(res, CONTENT_SECURITY_POLICY)
    res.setHeader('Cache-Control', 'no-store')
    // The engine's app checks these too; the console checks again so it is safe wherever it is mounted.
    this.hostAndOrigin(req, res, next)
  }
}
