import { Destination } from '../../src'
import type { DestinationDefinition, JSONObject, SegmentEvent } from '../../src'

// Settings built or parsed anew for every event reuse what was prepared for settings of the
// same content; anything that differs (a value, a key, key order, a top-level change to the
// same object) is prepared again.
type Seen = { settings: unknown; payload: unknown }

function recordingDestination(seen: Seen[]) {
  const definition: DestinationDefinition<Record<string, unknown>> = {
    name: 'Reuse Test',
    mode: 'cloud',
    authentication: { scheme: 'custom', fields: { apiKey: { label: 'Key', description: 'Key', type: 'string' } } },
    actions: {
      send: {
        title: 'Send',
        description: 'Send',
        fields: {
          a: { label: 'A', description: 'A', type: 'string' },
          b: { label: 'B', description: 'B', type: 'string' }
        },
        perform: (_request, { settings, payload }) => {
          seen.push({ settings, payload })
          return payload
        }
      }
    }
  }
  return new Destination(definition)
}

const event = { type: 'track', event: 'E', userId: 'u-1', anonymousId: 'x-1' } as unknown as SegmentEvent

function settingsJson(apiKey: string, mapping: Record<string, unknown>, subscribe = 'type = "track"'): string {
  return JSON.stringify({ apiKey, subscription: { subscribe, partnerAction: 'send', mapping } })
}

async function run(destination: Destination<Record<string, unknown>>, settings: JSONObject) {
  return destination.onEvent(event, settings)
}

describe('settings reused by content', () => {
  test('a parsed copy of the same settings gives the same payload and settings', async () => {
    const seen: Seen[] = []
    const destination = recordingDestination(seen)
    const json = settingsJson('k-1', { a: { '@path': '$.userId' }, b: { '@path': '$.anonymousId' } })
    for (let i = 0; i < 3; i++) await run(destination, JSON.parse(json) as JSONObject)
    expect(seen.map((entry) => entry.payload)).toEqual([
      { a: 'u-1', b: 'x-1' },
      { a: 'u-1', b: 'x-1' },
      { a: 'u-1', b: 'x-1' }
    ])
    expect(seen.map((entry) => entry.settings)).toEqual([{ apiKey: 'k-1' }, { apiKey: 'k-1' }, { apiKey: 'k-1' }])
  })

  test('a different value, mapping, key order or query is prepared again', async () => {
    const seen: Seen[] = []
    const destination = recordingDestination(seen)
    const mapping = { a: { '@path': '$.userId' }, b: { '@path': '$.anonymousId' } }
    await run(destination, JSON.parse(settingsJson('k-1', mapping)) as JSONObject)
    await run(destination, JSON.parse(settingsJson('k-2', mapping)) as JSONObject)
    await run(destination, JSON.parse(settingsJson('k-2', { ...mapping, a: { '@path': '$.event' } })) as JSONObject)
    await run(destination, JSON.parse(settingsJson('k-2', { b: mapping.b, a: mapping.a })) as JSONObject)
    const notSubscribed = await run(
      destination,
      JSON.parse(settingsJson('k-2', mapping, 'type = "identify"')) as JSONObject
    )
    expect(seen.map((entry) => (entry.settings as { apiKey: string }).apiKey)).toEqual(['k-1', 'k-2', 'k-2', 'k-2'])
    expect(seen.map((entry) => entry.payload)).toEqual([
      { a: 'u-1', b: 'x-1' },
      { a: 'u-1', b: 'x-1' },
      { a: 'E', b: 'x-1' },
      { a: 'u-1', b: 'x-1' }
    ])
    // Key order shapes the payload: the reordered mapping gives b before a.
    expect(Object.keys(seen[3].payload as object)).toEqual(['b', 'a'])
    expect(notSubscribed).toEqual([{ output: 'not subscribed' }])
  })

  test('the same settings object changed at the top level is prepared again', async () => {
    const seen: Seen[] = []
    const destination = recordingDestination(seen)
    const settings = JSON.parse(settingsJson('k-1', { a: { '@path': '$.userId' } })) as JSONObject
    await run(destination, settings)
    settings.apiKey = 'k-3'
    await run(destination, settings)
    settings.apiKey = 'k-1'
    await run(destination, settings)
    expect(seen.map((entry) => (entry.settings as { apiKey: string }).apiKey)).toEqual(['k-1', 'k-3', 'k-1'])
  })

  test('a new object is never given settings derived from an older object changed since', async () => {
    const seen: Seen[] = []
    const destination = recordingDestination(seen)
    const json = settingsJson('k-1', { a: { '@path': '$.userId' } })
    const first = JSON.parse(json) as JSONObject
    // Not subscribed: nothing is derived from `first` yet...
    await destination.onEvent({ ...event, type: 'identify' } as SegmentEvent, first)
    // ...and then the caller changes it before sending a new object with its old content.
    first.apiKey = 'k-2'
    await run(destination, JSON.parse(json) as JSONObject)
    await run(destination, first)
    expect(seen.map((entry) => (entry.settings as { apiKey: string }).apiKey)).toEqual(['k-1', 'k-2'])
  })

  test('values JSON cannot say exactly are never matched by content', async () => {
    const seen: Seen[] = []
    const destination = recordingDestination(seen)
    const withUndefined = () =>
      ({
        apiKey: 'k-1',
        extra: undefined,
        subscription: { subscribe: 'type = "track"', partnerAction: 'send', mapping: { a: { '@path': '$.userId' } } }
      }) as unknown as JSONObject
    await run(destination, withUndefined())
    const second = withUndefined()
    delete (second as Record<string, unknown>).extra
    await run(destination, second)
    expect(seen).toHaveLength(2)
    expect(seen[1].payload).toEqual({ a: 'u-1' })
  })
})
