// The fetch surface the request client needs, typed with the DOM lib like the reference's cross-fetch.
export interface FetchImplementation {
  fetch: typeof globalThis.fetch
  Request: typeof globalThis.Request
  Response: typeof globalThis.Response
  Headers: typeof globalThis.Headers
  // Picks the keep-alive agent for a URL; undefined where agents do not exist (browsers).
  getAgent?: (url: URL) => unknown
}
