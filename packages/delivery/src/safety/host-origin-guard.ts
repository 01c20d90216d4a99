// The Host / Origin guard of every local web server (serve, the engine, its console): refuses what a
// hostile web page could send through the user's browser (DNS rebinding, cross-site requests) and
// sets the headers that keep a page to its own files and out of frames. Each server configures it.
import type { NextFunction, Request, RequestHandler, Response } from 'express'

/** Names that always reach a server listening on loopback (as a Host header writes them). */
export const LOOPBACK_NAMES: readonly string[] = ['localhost', '127.0.0.1', '[::1]']

/** True for an address or name of this machine's loopback interface. */
export function isLoopbackHost(host: string): boolean {
  const lower = host.toLowerCase()
  return lower === 'localhost' || lower === '::1' || lower === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(lower)
}

/** The Content-Security-Policy: own files only, no framing; `inlineStyles` for pages that set style attributes. */
export function contentSecurityPolicy(options: { inlineStyles?: boolean } = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    options.inlineStyles ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'"
  ].join('; ')
}

/** Sets the policy and the headers that keep the page from being framed, sniffed or referred. */
export function setSecurityHeaders(res: Response, policy: string): void {
  res.setHeader('Content-Security-Policy', policy)
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'no-referrer')
}

export interface HostOriginOptions {
  /** Host names (no port) accepted in the Host header, besides nothing else; undefined accepts any name. */
  names?: Iterable<string>
  /** Also require the port the request arrived on (a server reached directly, with no proxy in front). */
  checkPort?: boolean
  /** Let cross-site GET and HEAD through (a link from elsewhere opens the page); writes are refused anyway. */
  allowCrossSiteReads?: boolean
  /** Appended to the Host refusal: why, and what to pass to be reachable by another name. */
  hostHint?: string
  /** Answers a refusal in the server's own error shape. */
  answer(res: Response, status: number, message: string): void
  /** Told of each refusal, e.g. to log it. */
  log?: (line: string) => void
}

/** `name:port` in lower case, with the default port made explicit. */
function withPort(host: string, defaultPort: number): string {
  const lower = host.trim().toLowerCase()
  return /:\d+$/.test(lower) ? lower : `${lower}:${defaultPort}`
}

/** The name of a Host header, without its port. */
function nameOf(host: string): string {
  const lower = host.trim().toLowerCase()
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1)
  const colon = lower.lastIndexOf(':')
  return colon === -1 ? lower : lower.slice(0, colon)
}

export function hostOriginGuard(options: HostOriginOptions): RequestHandler {
  const names = options.names && new Set([...options.names].map((name) => name.toLowerCase()))
  const hint = options.hostHint ? ` ${options.hostHint}` : ''
  return (req: Request, res: Response, next: NextFunction) => {
    const refuse = (message: string): void => {
      options.answer(res, 403, message)
      options.log?.(`${req.method} ${req.path} -> 403: ${message}`)
    }
    const host = req.headers.host
    // With the port checked, "name:port" for every accepted name on the port the request came in on.
    const port = req.socket.localPort ?? 80
    const accepted = names && (options.checkPort ? new Set([...names].map((name) => `${name}:${port}`)) : names)
    if (accepted && (!host || !accepted.has(options.checkPort ? withPort(host, 80) : nameOf(host)))) {
      refuse(`Host "${host ?? ''}" is not this server: use one of ${[...accepted].join(', ')}${hint}`)
      return
    }
    const origin = req.headers.origin
    if (origin !== undefined && origin !== 'null') {
      let url: URL | undefined
      try {
        url = new URL(origin)
      } catch {
        url = undefined
      }
      // Same as the Host, or (port checked) any accepted name on this port.
      const same =
        url !== undefined &&
        (url.host === host?.toLowerCase() ||
          (options.checkPort === true &&
            accepted?.has(withPort(url.host, url.protocol === 'https:' ? 443 : 80)) === true))
      if (!same) {
        refuse(`Origin "${origin}" is another site: cross-site requests are refused`)
        return
      }
    } else if (
      origin === 'null' ||
      (req.headers['sec-fetch-site'] === 'cross-site' &&
        !(options.allowCrossSiteReads && (req.method === 'GET' || req.method === 'HEAD')))
    ) {
      refuse('Cross-site requests are refused')
      return
    }
    next()
  }
}
