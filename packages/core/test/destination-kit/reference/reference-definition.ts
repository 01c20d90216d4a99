import type { ActionDefinition, DestinationDefinition, JSONObject } from '../../../src'

// Behaviours of @segment/actions-core 3.170.0 that destinations' own test suites rely on: one test
// per behaviour, in the files of this folder. Each expected value is what the reference answered
// for the same definition and input; apart from the differences listed in the package README the
// tests pass unchanged with their import pointed at `@segment/actions-core`.

export type Settings = Record<string, unknown>
export type Perform = ActionDefinition<Settings>['perform']

export const HOST = 'https://reference.example.invalid'

export const text = (label: string) => ({ label, description: label, type: 'string' as const })

// A new title each time: the reference caches schemas by destination name and action title.
let titles = 0

export function destinationWith(action: Partial<ActionDefinition<Settings>>): DestinationDefinition<Settings> {
  return {
    name: 'reference-behaviour',
    mode: 'cloud',
    actions: {
      a: {
        title: `A${++titles}`,
        description: 'A',
        fields: { f: text('F') },
        perform: (_request, data) => data.payload,
        ...action
      } as ActionDefinition<Settings>
    }
  }
}

export function subscribed(mapping: JSONObject): JSONObject {
  return { subscription: { subscribe: 'type = "track"', partnerAction: 'a', mapping } }
}
