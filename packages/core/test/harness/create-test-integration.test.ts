import nock from 'nock'
import { createTestIntegration, createTestEvent } from '../../src'
import type { ActionDefinition, DestinationDefinition } from '../../src'

const HOST = 'https://harness.example.invalid'

type Settings = { k?: string }

const definition: DestinationDefinition<Settings> = {
  name: 'Harness',
  mode: 'cloud',
  authentication: {
    scheme: 'oauth2',
    fields: { k: { label: 'K', description: 'K', type: 'string', required: true } },
    testAuthentication: (request) => request(`${HOST}/me`),
    refreshAccessToken: async (_request, { auth }) => ({ accessToken: `${auth.refreshToken}-fresh` })
  },
  actions: {
    send: {
      title: 'Send',
      description: 'Send',
      fields: {
        id: { label: 'ID', description: 'ID', type: 'string', default: { '@path': '$.userId' } },
        n: { label: 'N', description: 'N', type: 'number' },
        f: { label: 'F', description: 'F', type: 'string', dynamic: true }
      },
      dynamicFields: { f: async () => ({ choices: [{ label: 'One', value: '1' }] }) },
      perform: (request, { payload }) => request(`${HOST}/send`, { method: 'post', json: payload }),
      performBatch: (request, { payload }) => request(`${HOST}/batch`, { method: 'post', json: payload })
    }
  }
}

beforeAll(() => nock.disableNetConnect())
afterEach(() => nock.cleanAll())
afterAll(() => nock.enableNetConnect())

describe('createTestIntegration', () => {
  it('testAction runs one action, with default mappings, and returns its responses', async () => {
    const testDestination = createTestIntegration(definition)
    nock(HOST).post('/send', { id: 'u9', n: 3 }).reply(200, { ok: 1 })
    const responses = await testDestination.testAction('send', {
      event: { userId: 'u9' },
      mapping: { n: '3' },
      settings: { k: 'x' },
      useDefaultMappings: true
    })
    expect(responses).toHaveLength(1)
    expect(responses[0].status).toBe(200)
    expect(responses[0].data).toEqual({ ok: 1 })
    expect(responses[0].options.json).toEqual({ id: 'u9', n: 3 })
    expect(testDestination.results).toEqual([
      { output: 'Mappings resolved' },
      { output: 'Payload validated' },
      { data: { ok: 1 }, output: 'Action Executed' }
    ])
    // Reset per test action.
    expect(testDestination.responses).toEqual([])
    nock(HOST).post('/send').reply(200, { ok: 2 })
    const second = await testDestination.testAction('send', { mapping: { id: 'z' } })
    expect(second).toHaveLength(1)
    expect(responses).toHaveLength(1)
  })

  it('testAction surfaces payload errors', async () => {
    const testDestination = createTestIntegration(definition)
    await expect(testDestination.testAction('send', { mapping: { n: 'abc' } })).rejects.toMatchObject({
      name: 'AggregateAjvError',
      message: 'N must be a number but it was a string.'
    })
  })

  it('testBatchAction fills events with test defaults and records the multistatus', async () => {
    const testDestination = createTestIntegration(definition)
    nock(HOST)
      .post('/batch', [{ id: 'b1' }, { id: 'b2' }])
      .reply(200, { ok: 3 })
    const responses = await testDestination.testBatchAction('send', {
      events: [createTestEvent({ userId: 'b1' }), { userId: 'b2' } as never],
      useDefaultMappings: true
    })
    expect(responses).toHaveLength(1)
    expect(testDestination.results).toEqual([
      {
        multistatus: [
          { status: 200, body: { ok: 3 }, sent: { id: 'b1' } },
          { status: 200, body: { ok: 3 }, sent: { id: 'b2' } }
        ]
      }
    ])
  })

  it('testAuthentication, testDynamicField and refreshAccessToken', async () => {
    const testDestination = createTestIntegration(definition)
    nock(HOST).get('/me').reply(200, {})
    await expect(testDestination.testAuthentication({ k: 'x' })).resolves.toBeUndefined()
    await expect(testDestination.testDynamicField('send', 'f', { settings: {}, payload: {} })).resolves.toEqual({
      choices: [{ label: 'One', value: '1' }]
    })
    await expect(
      testDestination.refreshAccessToken(
        { k: 'x' },
        { accessToken: 'a', refreshToken: 'r', clientId: 'c', clientSecret: 's' }
      )
    ).resolves.toEqual({ accessToken: 'r-fresh' })
  })

  it('an unknown action gives no responses', async () => {
    await expect(createTestIntegration(definition).testAction('nope', {})).resolves.toEqual([])
  })
})

describe('createTestIntegration keeps the reference harness behaviour', () => {
  const twoRequests: DestinationDefinition<Settings> = {
    name: 'harness-responses',
    mode: 'cloud',
    onDelete: async (request) => {
      await request(`${HOST}/delete`, { method: 'post' })
    },
    actions: {
      send: {
        title: 'Send',
        description: 'Send',
        fields: {
          first: { label: 'First', description: 'First', type: 'string' },
          second: { label: 'Second', description: 'Second', type: 'string', default: 'two' },
          third: { label: 'Third', description: 'Third', type: 'string' }
        },
        perform: async (request, { payload }) => {
          await request(`${HOST}/one`, { method: 'post', json: payload })
          if (payload.first === 'fail') await request(`${HOST}/two`, { method: 'post' })
          return payload
        }
      }
    }
  }

  it("keeps a failed call's responses until a call succeeds, then hands them all over", async () => {
    const testDestination = createTestIntegration(twoRequests)
    nock(HOST).post('/one').twice().reply(200, {}).post('/two').reply(500, {})
    await expect(testDestination.testAction('send', { mapping: { first: 'fail' } })).rejects.toThrow(
      'Internal Server Error'
    )
    expect(testDestination.responses.map((r) => r.status)).toEqual([200, 500])
    expect(testDestination.results).toEqual([])
    const responses = await testDestination.testAction('send', { mapping: { first: 'ok' } })
    expect(responses.map((r) => r.url)).toEqual([`${HOST}/one`, `${HOST}/two`, `${HOST}/one`])
    expect(testDestination.responses).toEqual([])
  })

  it('does not record the requests of onDelete, which answers a placeholder when it returns nothing', async () => {
    const testDestination = createTestIntegration(twoRequests)
    nock(HOST).post('/delete').reply(200, {})
    await expect(testDestination.onDelete?.(createTestEvent(), {})).resolves.toEqual({
      output: 'no onDelete defined'
    })
    expect(testDestination.responses).toEqual([])
  })

  it('useDefaultMappings maps every field in field order, so payload keys keep that order', async () => {
    const testDestination = createTestIntegration(twoRequests)
    nock(HOST).post('/one').reply(200, {})
    await testDestination.testAction('send', { mapping: { third: '3', first: '1' }, useDefaultMappings: true })
    expect(Object.keys(testDestination.results[2].data as object)).toEqual(['first', 'second', 'third'])
  })

  it('hands perform the settings exactly as the test gave them', async () => {
    const testDestination = createTestIntegration(destinationOf((_request, { settings }) => settings))
    const settings = { k: 'x', oauth: { access_token: 'token' } } as Settings
    await testDestination.testAction('send', { settings })
    expect(testDestination.results[1]).toEqual({ data: settings, output: 'Action Executed' })
  })

  it('gives perform empty contexts and a silent logger when the test leaves them out', async () => {
    const testDestination = createTestIntegration(
      destinationOf((_request, data) => ({
        statsContext: data.statsContext ?? null,
        transactionContext: data.transactionContext ?? null,
        stateContext: data.stateContext ?? null,
        subscriptionMetadata: data.subscriptionMetadata ?? null,
        logger: typeof data.logger?.info
      }))
    )
    await testDestination.testAction('send', {})
    expect(testDestination.results[1]).toEqual({
      data: {
        statsContext: {},
        transactionContext: {},
        stateContext: {},
        subscriptionMetadata: {},
        logger: 'function'
      },
      output: 'Action Executed'
    })
  })
})

function destinationOf(perform: ActionDefinition<Settings>['perform']): DestinationDefinition<Settings> {
  return {
    name: 'harness-contexts',
    mode: 'cloud',
    actions: { send: { title: 'Contexts', description: 'Contexts', fields: {}, perform } }
  }
}

describe('createTestEvent', () => {
  it('has the reference shape with realistic defaults', () => {
    const event = createTestEvent()
    expect(Object.keys(event).sort()).toEqual(
      [
        'anonymousId',
        'context',
        'event',
        'messageId',
        'properties',
        'receivedAt',
        'sentAt',
        'timestamp',
        'traits',
        'type',
        'userId'
      ].sort()
    )
    expect(event).toMatchObject({ type: 'track', event: 'Test Event', userId: 'user1234', anonymousId: 'anonId1234' })
    expect(event.context?.library).toEqual({ name: 'analytics.js', version: '2.11.1' })
    expect(typeof event.messageId).toBe('string')
    expect(createTestEvent().messageId).not.toBe(event.messageId)
  })

  it('overrides top-level keys shallowly', () => {
    const event = createTestEvent({ type: 'identify', traits: { a: 1 }, context: { ip: '1.1.1.1' } })
    expect(event.type).toBe('identify')
    expect(event.traits).toEqual({ a: 1 })
    expect(event.context).toEqual({ ip: '1.1.1.1' })
  })
})
