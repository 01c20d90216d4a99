import nock from 'nock'
import {
  Destination,
  SelfTimeoutError,
  createTestEvent,
  createTestIntegration,
  fieldsToJsonSchema,
  omit
} from '../../src'
import type { DestinationDefinition } from '../../src'
import type { MinimalFields } from '../../src/destination-kit/fields-to-jsonschema'
import { DEFAULT_ACTION_DEADLINE_MS } from '../../src/destination-kit/deadline'
import { MAX_RESPONSE_BYTES, responseSize } from '../../src/destination-kit/response-log'

// Regression tests for issue #16: runtime faults (kept responses, perform without an end).

type Settings = Record<string, unknown>

const HOST = 'https://api.example.invalid'

beforeAll(() => nock.disableNetConnect())
afterEach(() => nock.cleanAll())
afterAll(() => nock.enableNetConnect())

const never = new Promise<never>(() => undefined)

function definition(perform: () => unknown, performBatch?: () => unknown): DestinationDefinition<Settings> {
  return {
    name: 'Hostile',
    mode: 'cloud',
    actions: {
      send: {
        title: 'Send',
        description: 'Send',
        fields: { blob: { label: 'Blob', description: 'Blob', type: 'string' } },
        perform,
        performBatch
      }
    }
  }
}

const subscription = {
  subscribe: 'type = "track"',
  partnerAction: 'send',
  mapping: { blob: { '@path': '$.properties.blob' } }
}

describe('perform and performBatch have a deadline', () => {
  test('the default is documented and finite', () => {
    const destination = new Destination(definition(() => undefined))
    expect(destination.actions.send.deadlineMs).toBe(DEFAULT_ACTION_DEADLINE_MS)
    expect(DEFAULT_ACTION_DEADLINE_MS).toBe(60_000)
  })

  test('a perform that never settles ends onEvent with SelfTimeoutError', async () => {
    const destination = new Destination(definition(() => never))
    destination.actions.send.deadlineMs = 20
    const outcome = destination.onEvent(createTestEvent({ type: 'track' }), { subscription })
    await expect(outcome).rejects.toBeInstanceOf(SelfTimeoutError)
    await expect(outcome).rejects.toMatchObject({
      status: 408,
      code: 'SELF_TIMEOUT',
      message: 'perform of action "Send" did not finish within 20 ms'
    })
  })

  test('a performBatch that never settles ends onBatch with SelfTimeoutError', async () => {
    const destination = new Destination(
      definition(
        () => undefined,
        () => never
      )
    )
    destination.actions.send.deadlineMs = 20
    const events = [createTestEvent({ type: 'track' }), createTestEvent({ type: 'track' })]
    await expect(destination.onBatch(events, { subscription })).rejects.toMatchObject({
      name: 'SelfTimeoutError',
      message: 'performBatch of action "Send" did not finish within 20 ms'
    })
  })

  test('a perform that settles in time is not affected, and no deadline means none', async () => {
    const destination = new Destination(definition(async () => 'done'))
    destination.actions.send.deadlineMs = Number.POSITIVE_INFINITY
    const results = await destination.onEvent(createTestEvent({ type: 'track' }), { subscription })
    expect(results[results.length - 1]).toEqual({ data: 'done', output: 'Action Executed' })
  })
})

describe('kept responses are bounded by size', () => {
  const blob = 'x'.repeat(2 * 1024 * 1024)
  const sending: DestinationDefinition<Settings> = {
    ...definition(() => undefined),
    actions: {
      send: {
        title: 'Send',
        description: 'Send',
        fields: { blob: { label: 'Blob', description: 'Blob', type: 'string' } },
        perform: (request, { payload }) => request(`${HOST}/send`, { method: 'post', json: payload })
      }
    }
  }

  test('20 events with a 2 MiB property keep at most MAX_RESPONSE_BYTES, the newest always', async () => {
    nock(HOST).post('/send').times(20).reply(200, { ok: true })
    const destination = new Destination(sending)
    for (let i = 0; i < 20; i++) {
      await destination.onEvent(createTestEvent({ type: 'track', properties: { blob, i } }), { subscription })
    }
    const kept = destination.responses
    const total = kept.reduce((sum, response) => sum + responseSize(response), 0)
    expect(total).toBeLessThanOrEqual(MAX_RESPONSE_BYTES)
    expect(kept.length).toBeGreaterThan(1)
    expect(kept.length).toBeLessThan(20)
    expect(responseSize(kept[kept.length - 1])).toBeGreaterThan(blob.length)
  })

  test('the test harness keeps every response of a call', async () => {
    nock(HOST).post('/send').times(10).reply(200, { ok: true })
    const testDestination = createTestIntegration({
      ...sending,
      actions: {
        send: {
          ...sending.actions.send,
          perform: async (request, { payload }) => {
            for (let i = 0; i < 10; i++) await request(`${HOST}/send`, { method: 'post', json: payload })
          }
        }
      }
    })
    const responses = await testDestination.testAction('send', {
      event: { properties: { blob } },
      mapping: { blob: { '@path': '$.properties.blob' } }
    })
    expect(responses).toHaveLength(10)
  })
})

describe('a __proto__ key never sets a prototype', () => {
  const hostile = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>

  test('omit leaves the key out and keeps a plain object', () => {
    const copy = omit(hostile, ['b'])
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
    expect((copy as Record<string, unknown>).polluted).toBeUndefined()
    expect(copy).toEqual({ a: 1 })
  })

  test('fieldsToJsonSchema refuses a field named __proto__, at any level', () => {
    const field = { label: 'x', description: 'x', type: 'string' }
    const top = JSON.parse(`{"__proto__": ${JSON.stringify(field)}}`) as MinimalFields
    expect(() => fieldsToJsonSchema(top)).toThrow('Field "__proto__" cannot be described: choose another field name')
    const nested = { o: { label: 'o', description: 'o', type: 'object', properties: top } } as unknown as MinimalFields
    expect(() => fieldsToJsonSchema(nested)).toThrow(TypeError)
    expect(Object.prototype).not.toHaveProperty('label')
  })
})
