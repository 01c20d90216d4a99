import http from 'http'
import https from 'https'
import nodeFetch, { Headers, Request, Response } from 'node-fetch'
import type { FetchImplementation } from './types'

// One keep-alive agent per protocol for the whole process, so sockets are reused across requests.
// node-fetch goes through node's http/https modules, which is also what lets nock intercept requests.
export const httpAgent = new http.Agent({ keepAlive: true })
export const httpsAgent = new https.Agent({ keepAlive: true })

export function getAgent(url: URL): http.Agent {
  return url.protocol === 'http:' ? httpAgent : httpsAgent
}

export const nodeImplementation: FetchImplementation = {
  fetch: nodeFetch as unknown as typeof globalThis.fetch,
  Request: Request as unknown as typeof globalThis.Request,
  Response: Response as unknown as typeof globalThis.Response,
  Headers: Headers as unknown as typeof globalThis.Headers,
  getAgent
}
