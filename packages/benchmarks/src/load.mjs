// Loads the shared workload, this project's packages (built dist) and the reference packages.
// The reference's ESM build does not load in plain Node, so its CommonJS build is required.
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'

const require = createRequire(import.meta.url)

export const workload = JSON.parse(readFileSync(new URL('../workload.json', import.meta.url), 'utf8'))

export const ours = {
  subscriptions: require('@action-destinations/destination-subscriptions'),
  core: require('@action-destinations/core')
}

export const reference = {
  subscriptions: require('@segment/destination-subscriptions'),
  core: require('@segment/actions-core')
}

/** A fresh copy of a JSON value, as per-event settings would bring it (new strings, new objects). */
export function freshCopy(value) {
  return JSON.parse(JSON.stringify(value))
}
