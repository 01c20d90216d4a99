import type http from 'http'
import type https from 'https'

type MaybePromise<T> = Promise<T> | T

export type HttpMethod =
  'get' | 'post' | 'put' | 'delete' | 'patch' | 'head' | 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD'

export type SearchParamsInit = URLSearchParams | Record<string, string | number | boolean>

// Options one request (or one layer of defaults) may give.
export interface RequestOptions extends Omit<RequestInit, 'headers'> {
  headers?: Record<string, string>
  json?: unknown
  method?: HttpMethod
  password?: string
  searchParams?: SearchParamsInit
  throwHttpErrors?: boolean
  timeout?: number | false
  username?: string
  // Accepted for compatibility; responses are always buffered once, so there is nothing to skip.
  skipResponseCloning?: boolean
  // A node http(s).Agent (the reference types it as https.Agent, which this accepts); defaults to a
  // shared keep-alive agent per protocol.
  agent?: http.Agent | https.Agent
}

// Options for a client or .extend(): request options plus hooks.
export interface AllRequestOptions extends RequestOptions {
  beforeRequest?: BeforeRequestHook[]
  afterResponse?: AfterResponseHook[]
  // Carried for the destination runtime's metrics; the client itself does not read it.
  statsContext?: unknown
}

// What hooks and errors see: merged options with a Headers object and an upper-case method.
export interface NormalizedOptions extends Omit<AllRequestOptions, 'headers'> {
  headers: RequestInit['headers']
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD'
}

export type BeforeRequestHook = (options: NormalizedOptions) => MaybePromise<RequestOptions | void>

export type AfterResponseHook<OutputResponse extends Response = Response> = (
  request: Request,
  options: NormalizedOptions,
  response: Response
) => MaybePromise<OutputResponse | void>

// A response read once: `content` is the body text, `data` the parsed JSON or the text.
export interface ModifiedResponse<T = unknown> extends Response {
  content: string
  data: unknown extends T ? undefined | unknown : T
  headers: Headers & { toJSON: () => Record<string, string> }
}
