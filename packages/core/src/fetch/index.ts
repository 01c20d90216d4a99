import type { FetchImplementation } from './types'

// Runtime switch: node-fetch under Node (keep-alive agents, nock-friendly), whatwg-fetch in browsers.
// Bundlers can drop the Node side with a package.json "browser" mapping of ./dist/fetch/node.js to
// ./dist/fetch/browser.js; the require calls stay lazy so neither side loads the other's modules.
function isNode(): boolean {
  return typeof process !== 'undefined' && process.versions != null && process.versions.node != null
}

function load(): FetchImplementation {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, so a bundle never loads node's http
  if (isNode()) return (require('./node') as typeof import('./node')).nodeImplementation
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, see above
  return (require('./browser') as typeof import('./browser')).browserImplementation
}

export const implementation: FetchImplementation = load()

export const fetch = implementation.fetch
export const Request = implementation.Request
export const Response = implementation.Response
export const Headers = implementation.Headers
export type { FetchImplementation } from './types'
export default fetch
