import nock from 'nock'
import { Destination, createTestEvent } from '../../src'
import type { DestinationDefinition, JSONObject, SegmentEvent } from '../../src'
import { HOST, echoDestination } from './runtime-fixtures'
import type { Settings } from './runtime-fixtures'

// Entry points besides onEvent / onBatch: testAuthentication, onDelete, dynamic fields, hooks, audiences, executeBatch.

beforeAll(() => nock.disableNetConnect())
afterEach(() => nock.cleanAll())
afterAll(() => nock.enableNetConnect())

describe('other entry points', () => {
  const definition = {
    name: 'Entry Points',
    mode: 'cloud',
    authentication: {
      scheme: 'custom',
      fields: { k: { label: 'K', description: 'K', type: 'string', required: true } },
      testAuthentication: (request: (url: string) => Promise<unknown>) => request(`${HOST}/me`)
    },
    onDelete: async (_request: unknown, data: { payload: unknown; settings: unknown }) => ({
      deleted: data.payload,
      settings: data.settings
    }),
    audienceFields: {},
    audienceConfig: {
      mode: { type: 'synced', full_audience_sync: false },
      createAudience: async (_request: unknown, input: { audienceName: string }) => ({
        externalId: `ext-${input.audienceName}`
      }),
      getAudience: async (_request: unknown, input: { externalId: string }) => ({ externalId: input.externalId })
    },
    actions: {
      a: {
        title: 'A',
        description: 'A',
        fields: {
          f: { label: 'F', description: 'F', type: 'string', dynamic: true },
          o: { label: 'O', description: 'O', type: 'object', properties: { x: { label: 'X', type: 'string' } } }
        },
        dynamicFields: {
          f: async (_r: unknown, data: { page?: string }) => ({ choices: [{ label: 'A', value: data.page ?? 'a' }] }),
          o: { x: async () => ({ choices: [{ label: 'X', value: 'x' }] }) }
        },
        hooks: {
          onMappingSave: {
            label: 'Save',
            description: 'Save',
            inputFields: { q: { label: 'Q', description: 'Q', type: 'string', required: true } },
            performHook: async (_r: unknown, data: { hookInputs?: { q?: string } }) => ({
              successMessage: 'saved',
              savedData: { id: data.hookInputs?.q }
            })
          }
        },
        perform: (_r: unknown, data: { hookOutputs?: unknown }) => data.hookOutputs
      }
    }
  } as unknown as DestinationDefinition<Settings>

  it('testAuthentication validates settings and wraps failures', async () => {
    const destination = new Destination(definition)
    await expect(destination.testAuthentication({})).rejects.toMatchObject({ name: 'AggregateAjvError', status: 400 })
    nock(HOST).get('/me').reply(200, {})
    await expect(destination.testAuthentication({ k: 'x' })).resolves.toBeUndefined()
    nock(HOST).get('/me').reply(403, {})
    await expect(destination.testAuthentication({ k: 'x' })).rejects.toThrow('Credentials are invalid: 403 Forbidden')
  })

  it('onDelete gets the ids and validated settings', async () => {
    const destination = new Destination(definition)
    const out = await destination.onDelete?.(createTestEvent({ userId: 'u1' }), {
      k: 'x',
      subscription: {}
    } as JSONObject)
    expect(out).toEqual({ deleted: { userId: 'u1', anonymousId: 'anonId1234' }, settings: { k: 'x' } })
    expect(new Destination({ name: 'n', mode: 'cloud', actions: {} }).onDelete).toBeUndefined()
  })

  it('dynamic fields: plain, object properties, override and unknown', async () => {
    const destination = new Destination(definition)
    await expect(destination.executeDynamicField('a', 'f', { settings: {}, payload: {}, page: '2' })).resolves.toEqual({
      choices: [{ label: 'A', value: '2' }]
    })
    await expect(destination.executeDynamicField('a', 'o.x', { settings: {}, payload: {} })).resolves.toEqual({
      choices: [{ label: 'X', value: 'x' }]
    })
    await expect(
      destination.executeDynamicField('a', 'f', { settings: {}, payload: {} }, async () => ({ choices: [] }))
    ).resolves.toEqual({ choices: [] })
    await expect(destination.executeDynamicField('a', 'zz', { settings: {}, payload: {} })).resolves.toEqual({
      choices: [],
      nextPage: '',
      error: { message: 'No dynamic field named zz found.', code: '404' }
    })
    await expect(destination.executeDynamicField('__proto__', 'f', { settings: {}, payload: {} })).resolves.toEqual([])
  })

  it('hooks: validated inputs, missing hooks, outputs reach perform', async () => {
    const destination = new Destination(definition)
    const action = destination.actions.a
    expect(action.hasHookSupport).toBe(true)
    await expect(
      action.executeHook('onMappingSave', { settings: {}, payload: {}, hookInputs: { q: 'v' } })
    ).resolves.toEqual({
      successMessage: 'saved',
      savedData: { id: 'v' }
    })
    await expect(
      action.executeHook('onMappingSave', { settings: {}, payload: {}, hookInputs: {} })
    ).rejects.toMatchObject({
      name: 'AggregateAjvError'
    })
    await expect(action.executeHook('retlOnMappingSave', { settings: {}, payload: {} })).rejects.toMatchObject({
      message: 'Missing implementation for hook: retlOnMappingSave.',
      status: 501
    })
    const results = await destination.onEvent(createTestEvent(), {
      k: 'x',
      subscription: {
        subscribe: 'type = "track"',
        partnerAction: 'a',
        mapping: { f: 'x', onMappingSave: { inputs: { q: 'v' }, outputs: { id: 'saved-1' } } }
      }
    } as JSONObject)
    // The whole saved entry, as in the reference: destinations read `hookOutputs.<hook>.outputs`.
    expect(results[2].data).toEqual({ onMappingSave: { inputs: { q: 'v' }, outputs: { id: 'saved-1' } } })
  })

  it('audiences', async () => {
    const destination = new Destination(definition)
    await expect(destination.createAudience({ settings: { k: 'x' }, audienceName: 'Buyers' })).resolves.toEqual({
      externalId: 'ext-Buyers'
    })
    await expect(destination.getAudience({ settings: { k: 'x' }, externalId: 'e1' })).resolves.toEqual({
      externalId: 'e1'
    })
    const plain = new Destination({ name: 'n', mode: 'cloud', actions: {} })
    await expect(plain.createAudience({ settings: {}, audienceName: 'x' })).rejects.toThrow(
      'Unexpected call to createAudience'
    )
    await expect(plain.getAudience({ settings: {}, externalId: 'x' })).rejects.toThrow('Unexpected call to getAudience')
  })

  it('executeBatch rejects when performBatch throws; actions without batch support say so', async () => {
    const destination = echoDestination()
    const events: SegmentEvent[] = [createTestEvent()]
    await expect(destination.executeBatch('fails', { events, mapping: {}, settings: {} })).rejects.toMatchObject({
      message: 'batch nope'
    })
    await expect(destination.executeBatch('ok', { events, mapping: {}, settings: {} })).rejects.toMatchObject({
      message: 'This action does not support batched requests.',
      status: 501
    })
    await expect(destination.executeBatch('nope', { events, mapping: {}, settings: {} })).resolves.toEqual([])
  })

  it('bad definitions get clear errors', () => {
    expect(() => new Destination(null as never)).toThrow('Destination definition must be an object')
    expect(
      () =>
        new Destination({
          name: 'x',
          mode: 'cloud',
          actions: { a: { title: 'A', description: '', fields: {} } as never }
        })
    ).toThrow('needs a perform function')
  })

  it('keeps the responses list bounded', async () => {
    const destination = new Destination<Settings>({
      name: 'Many',
      mode: 'cloud',
      actions: { a: { title: 'A', description: '', fields: {}, perform: (request) => request(`${HOST}/x`) } }
    })
    nock(HOST).get('/x').times(250).reply(200, {})
    const settings = { subscription: { subscribe: 'type = "track"', partnerAction: 'a', mapping: {} } } as JSONObject
    for (let i = 0; i < 250; i++) await destination.onEvent(createTestEvent(), settings)
    expect(destination.responses.length).toBeLessThanOrEqual(200)
    expect(destination.responses.length).toBeGreaterThan(0)
  })
})
