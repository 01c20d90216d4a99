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

// Loaded on the first request (or the first read of an export below): node-fetch brings node's
// http, https, stream and zlib, which a process or jest module registry that sends nothing skips.
let loaded: FetchImplementation | undefined
function current(): FetchImplementation {
  return (loaded ??= load())
}

export const implementation: FetchImplementation = {
  get fetch() {
    return current().fetch
  },
  get Request() {
    return current().Request
  },
  get Response() {
    return current().Response
  },
  get Headers() {
    return current().Headers
  },
  get getAgent() {
    return current().getAgent
  }
}

// The public exports are getters on this module's exports object (declared here for the types):
// a re-export (`export { Request } from './fetch'`) reads them only when they are used.
// `module.exports`, not `exports`: a transform that builds the exports object itself (esbuild, the
// jest transform) assigns it to module.exports before this runs, leaving `exports` the old one.
export declare const fetch: FetchImplementation['fetch']
export declare const Request: FetchImplementation['Request']
export declare const Response: FetchImplementation['Response']
export declare const Headers: FetchImplementation['Headers']
for (const name of ['fetch', 'Request', 'Response', 'Headers'] as const) {
  Object.defineProperty(module.exports, name, {
    enumerable: true,
    get: () => implementation[name]
  })
}
export type { FetchImplementation } from './types'
