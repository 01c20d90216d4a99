import { Destination, IntegrationError, MultiStatusResponse } from '../../src'
import type { JSONObject } from '../../src'

// Shared by the destination-kit runtime tests (oauth-refresh, several-subscriptions,
// inputs-unchanged, entry-points).

export type Settings = Record<string, unknown>

export const HOST = 'https://api.example.invalid'

export function echoDestination(): Destination<Settings> {
  return new Destination<Settings>({
    name: 'Echo',
    mode: 'cloud',
    actions: {
      ok: {
        title: 'OK',
        description: 'OK',
        fields: { a: { label: 'A', description: 'A', type: 'string' } },
        perform: (_request, { payload, settings }) => ({ payload, settings }) as never
      },
      fails: {
        title: 'Fails',
        description: 'Fails',
        fields: {},
        perform: () => {
          throw new IntegrationError('nope', 'NOPE', 418)
        },
        performBatch: () => {
          throw new IntegrationError('batch nope', 'NOPE', 418)
        }
      },
      batch: {
        title: 'Batch',
        description: 'Batch',
        fields: { a: { label: 'A', description: 'A', type: 'string', required: true } },
        perform: (_request, { payload }) => payload,
        performBatch: (_request, { payload }) => {
          const ms = new MultiStatusResponse()
          payload.forEach((p: JSONObject) => ms.pushSuccessResponse({ status: 201, sent: p, body: 'ok' }))
          return ms
        }
      }
    }
  })
}
