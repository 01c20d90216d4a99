import { Destination, createTestEvent } from '../../src'
import type { DestinationDefinition, JSONObject } from '../../src'

// onEvent runs synchronously until something has to be awaited (core README, per-event path):
// settings, subscription matching, mapping, validation and a synchronous perform all happen
// inside the call, before it returns its promise.

function countingDestination(calls: string[]) {
  const definition: DestinationDefinition<Record<string, unknown>> = {
    name: 'Per Event',
    mode: 'cloud',
    authentication: { scheme: 'custom', fields: { apiKey: { label: 'Key', description: 'Key', type: 'string' } } },
    actions: {
      first: {
        title: 'First',
        description: 'First',
        fields: { id: { label: 'ID', description: 'ID', type: 'string', required: true } },
        perform: (_request, { payload }) => {
          calls.push(`first ${String(payload.id)}`)
          return 'done'
        }
      },
      second: {
        title: 'Second',
        description: 'Second',
        fields: { id: { label: 'ID', description: 'ID', type: 'string' } },
        perform: (_request, { payload }) => {
          calls.push(`second ${String(payload.id)}`)
          return 'done'
        }
      }
    }
  }
  return new Destination(definition)
}

const subscription = (partnerAction: string): JSONObject => ({
  subscribe: 'type = "track"',
  partnerAction,
  mapping: { id: { '@path': '$.userId' } }
})

describe('onEvent per-event path', () => {
  it('runs a synchronous perform within the call, before the returned promise settles', async () => {
    const calls: string[] = []
    const destination = countingDestination(calls)
    const pending = destination.onEvent(createTestEvent({ userId: 'u-1' }), {
      apiKey: 'k',
      subscription: subscription('first')
    })
    expect(calls).toEqual(['first u-1'])
    const results = await pending
    expect(results.map((result) => result.output)).toEqual([
      'Mappings resolved',
      'Payload validated',
      'Action Executed'
    ])
  })

  it('stays synchronous with an onComplete listener and with several subscriptions', async () => {
    const calls: string[] = []
    const completed: string[] = []
    const destination = countingDestination(calls)
    const pending = destination.onEvent(
      createTestEvent({ userId: 'u-2' }),
      { apiKey: 'k', subscriptions: [subscription('first'), subscription('second')] },
      { onComplete: (stats) => completed.push(stats.action) }
    )
    expect(calls).toEqual(['first u-2', 'second u-2'])
    expect(completed).toEqual(['first', 'second'])
    expect(await pending).toHaveLength(6)
  })

  it('a payload that fails validation rejects the call with a 400, perform not run', async () => {
    const calls: string[] = []
    const destination = countingDestination(calls)
    const event = createTestEvent({ userId: undefined })
    await expect(
      destination.onEvent(event, { apiKey: 'k', subscription: subscription('first') })
    ).rejects.toMatchObject({ status: 400 })
    expect(calls).toEqual([])
  })
})
