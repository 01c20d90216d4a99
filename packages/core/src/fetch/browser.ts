import type { FetchImplementation } from './types'

// whatwg-fetch ships no types; it exports the spec classes and installs itself only where fetch is missing.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped CommonJS module
const whatwg = require('whatwg-fetch') as FetchImplementation

export const browserImplementation: FetchImplementation = {
  fetch: whatwg.fetch,
  Request: whatwg.Request,
  Response: whatwg.Response,
  Headers: whatwg.Headers
}
