import nock from 'nock'
import {
  Destination,
  IntegrationError,
  InvalidAuthenticationError,
  MultiStatusResponse,
  createTestEvent
} from '../../src'
import type { DestinationDefinition, JSONObject, SegmentEvent } from '../../src'

type Settings = Record<string, unknown>

const HOST = 'https://api.example.invalid'

beforeAll(() => nock.disableNetConnect())
afterEach(() => nock.cleanAll())
afterAll(() => nock.enableNetConnect())

function oauthDestination(refresh?: () => Promise<{ accessToken: string; refreshToken?: string }>) {
  const definition: DestinationDefinition<Settings> = {
    name: 'OAuth Test',
    mode: 'cloud',
    authentication: {
      scheme: 'oauth2',
      fields: { accountId: { label: 'Account', description: 'Account', type: 'string' } },
      refreshAccessToken: refresh ? async () => refresh() : undefined
    },
    extendRequest: ({ auth }) => ({ headers: { authorization: `Bearer ${auth?.accessToken}` } }),
    actions: {
      send: {
        title: 'Send',
        description: 'Send',
        fields: { id: { label: 'ID', description: 'ID', type: 'string' } },
        perform: (request, { payload }) => request(`${HOST}/send`, { method: 'post', json: payload }),
        performBatch: (request, { payload }) => request(`${HOST}/batch`, { method: 'post', json: payload })
      },
      other: {
        title: 'Other',
        description: 'Other',
        fields: { id: { label: 'ID', description: 'ID', type: 'string' } },
        perform: (request, { payload }) => request(`${HOST}/other`, { method: 'post', json: payload })
      }
    }
  }
  return new Destination(definition)
}

const oauthSettings = (subscriptions: unknown[]): JSONObject =>
  ({
    accountId: 'a-1',
    oauth: { access_token: 'old', refresh_token: 'r-1', clientId: 'c', clientSecret: 's' },
    subscriptions
  }) as JSONObject

const sub = (partnerAction: string, subscribe = 'type = "track"') => ({
  subscribe,
  partnerAction,
  mapping: { id: { '@path': '$.userId' } }
})

describe('OAuth refresh on 401', () => {
  it('refreshes once, retries once, hands the tokens to onTokenRefresh and leaves the settings alone', async () => {
    const refresh = jest.fn(async () => ({ accessToken: 'new', refreshToken: 'r-2' }))
    const destination = oauthDestination(refresh)
    const seen: string[] = []
    nock(HOST)
      .post('/send')
      .times(2)
      .reply(function () {
        seen.push(String(this.req.headers.authorization))
        return seen.length === 1 ? [401, {}] : [200, { ok: true }]
      })
    const settings = oauthSettings([sub('send')])
    const before = JSON.stringify(settings)
    const onTokenRefresh = jest.fn(async () => undefined)
    const results = await destination.onEvent(createTestEvent(), settings, { onTokenRefresh })
    expect(results).toEqual([
      { output: 'Mappings resolved' },
      { output: 'Payload validated' },
      { data: { ok: true }, output: 'Action Executed' }
    ])
    expect(seen).toEqual(['Bearer old', 'Bearer new'])
    expect(refresh).toHaveBeenCalledTimes(1)
    expect(onTokenRefresh).toHaveBeenCalledWith({ accessToken: 'new', refreshToken: 'r-2' })
    expect(JSON.stringify(settings)).toBe(before)
  })

  it('gives up after one retry with the second error', async () => {
    const refresh = jest.fn(async () => ({ accessToken: 'new' }))
    const destination = oauthDestination(refresh)
    nock(HOST).post('/send').times(2).reply(401, {})
    await expect(destination.onEvent(createTestEvent(), oauthSettings([sub('send')]))).rejects.toMatchObject({
      name: 'HTTPError'
    })
    expect(refresh).toHaveBeenCalledTimes(1)
  })

  it('does not resend a subscription the destination already accepted', async () => {
    const destination = oauthDestination(async () => ({ accessToken: 'new' }))
    let sends = 0
    nock(HOST)
      .post('/send')
      .reply(() => {
        sends++
        return [200, { ok: 'send' }]
      })
    nock(HOST).post('/other').reply(401, {})
    nock(HOST).post('/other').reply(200, { ok: 'other' })
    const results = await destination.onEvent(createTestEvent(), oauthSettings([sub('send'), sub('other')]))
    expect(sends).toBe(1)
    expect(results.filter((r) => r.output === 'Action Executed').map((r) => r.data)).toEqual([
      { ok: 'send' },
      { ok: 'other' }
    ])
  })

  it('reports a missing refreshAccessToken as OAUTH_REFRESH_FAILED', async () => {
    const destination = oauthDestination()
    nock(HOST).post('/send').reply(401, {})
    await expect(destination.onEvent(createTestEvent(), oauthSettings([sub('send')]))).rejects.toMatchObject({
      name: 'InvalidAuthenticationError',
      message: 'Failed to refresh access token',
      code: 'OAUTH_REFRESH_FAILED',
      status: 401
    })
  })

  it('refreshes for batches too', async () => {
    const destination = oauthDestination(async () => ({ accessToken: 'new' }))
    nock(HOST).post('/batch').reply(401, {})
    nock(HOST).post('/batch').reply(200, { ok: 1 })
    const results = await destination.onBatch(
      [createTestEvent({ userId: 'a' }), createTestEvent({ userId: 'b' })],
      oauthSettings([sub('send')])
    )
    expect(results).toEqual([
      {
        multistatus: [
          { status: 200, body: { ok: 1 }, sent: { id: 'a' } },
          { status: 200, body: { ok: 1 }, sent: { id: 'b' } }
        ]
      }
    ])
  })

  it('refreshAccessToken: scheme checks and stripped settings', async () => {
    const refresh = jest.fn(async () => ({ accessToken: 'x' }))
    const destination = oauthDestination(refresh)
    await destination.refreshAccessToken({ accountId: 'a', subscription: {} } as Settings, {
      accessToken: 'a',
      refreshToken: 'r',
      clientId: 'c',
      clientSecret: 's'
    })
    expect(refresh).toHaveBeenCalled()
    const custom = new Destination({
      name: 'c',
      mode: 'cloud',
      authentication: { scheme: 'custom', fields: {} },
      actions: {}
    })
    await expect(
      custom.refreshAccessToken({}, { accessToken: 'a', refreshToken: 'r', clientId: 'c', clientSecret: 's' })
    ).rejects.toMatchObject({ name: 'IntegrationError', status: 501, code: 'NotImplemented' })
  })
})

function echoDestination(): Destination<Settings> {
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

describe('several subscriptions', () => {
  const event = createTestEvent({ properties: { a: 'x' } })

  it('one failing subscription does not discard the results of the others', async () => {
    const results = await echoDestination().onEvent(event, {
      subscriptions: [
        { subscribe: 'type = "track"', partnerAction: 'ok', mapping: { a: { '@path': '$.properties.a' } } },
        { subscribe: 'type = "track"', partnerAction: 'fails', mapping: {} }
      ]
    } as JSONObject)
    expect(results).toEqual([
      { output: 'Mappings resolved' },
      { output: 'Payload validated' },
      { data: { payload: { a: 'x' }, settings: {} }, output: 'Action Executed' },
      { error: { name: 'IntegrationError', message: 'nope', status: 418, code: 'NOPE' } }
    ])
  })

  it('rejects when no subscription delivered anything', async () => {
    await expect(
      echoDestination().onEvent(event, {
        subscriptions: [
          { subscribe: 'type = "identify"', partnerAction: 'ok', mapping: {} },
          { subscribe: 'type = "track"', partnerAction: 'fails', mapping: {} }
        ]
      } as JSONObject)
    ).rejects.toMatchObject({ name: 'IntegrationError', message: 'nope' })
  })

  it('a failing batch subscription reports one node per event next to the others', async () => {
    const events = [
      createTestEvent({ properties: { a: '1' } }),
      createTestEvent({ type: 'page', properties: { a: '2' } })
    ]
    const results = await echoDestination().onBatch(events, {
      subscriptions: [
        { subscribe: 'type = "track"', partnerAction: 'batch', mapping: { a: { '@path': '$.properties.a' } } },
        { subscribe: 'type = "track"', partnerAction: 'fails', mapping: {} }
      ]
    } as JSONObject)
    expect(results).toEqual([
      {
        multistatus: [
          { status: 201, sent: { a: '1' }, body: 'ok' },
          {
            status: 400,
            errortype: 'PAYLOAD_VALIDATION_FAILED',
            errormessage: 'Payload is either invalid or does not match the subscription',
            errorreporter: 'INTEGRATIONS'
          }
        ]
      },
      {
        multistatus: [
          { status: 418, errortype: 'IM_A_TEAPOT', errormessage: 'batch nope', errorreporter: 'INTEGRATIONS' },
          {
            status: 400,
            errortype: 'PAYLOAD_VALIDATION_FAILED',
            errormessage: 'Payload is either invalid or does not match the subscription',
            errorreporter: 'INTEGRATIONS'
          }
        ]
      }
    ])
  })

  it('`type = ` with no value is an invalid subscription, not a match', async () => {
    const results = await echoDestination().onEvent(event, {
      subscription: { subscribe: 'type = ', partnerAction: 'ok', mapping: {} }
    } as JSONObject)
    expect(results).toHaveLength(1)
    expect(results[0].output).toMatch(/^Invalid subscription : /)
    expect(results[0].output).not.toMatch(/Cannot read properties/)
  })
})

describe('inputs are never modified', () => {
  it('keeps the event, settings and definition as they were', async () => {
    const definition: DestinationDefinition<Settings> = {
      name: 'Mutation Check',
      mode: 'cloud',
      authentication: {
        scheme: 'custom',
        fields: {
          n: { label: 'N', description: 'N', type: 'number' },
          list: { label: 'L', description: 'L', type: 'string', multiple: true }
        }
      },
      actions: {
        a: {
          title: 'A',
          description: 'A',
          fields: {
            nums: { label: 'Nums', description: 'Nums', type: 'number', multiple: true },
            obj: { label: 'Obj', description: 'Obj', type: 'object', properties: { k: { label: 'K', type: 'number' } } }
          },
          perform: (_r, { payload }) => payload
        }
      }
    }
    const event = createTestEvent({ properties: { nums: ['1', null, 2], obj: { k: '5', extra: true } } })
    const settings = {
      n: '3',
      list: [1, 2],
      subscription: {
        subscribe: 'type = "track"',
        partnerAction: 'a',
        mapping: { nums: { '@path': '$.properties.nums' }, obj: { '@path': '$.properties.obj' } }
      }
    } as unknown as JSONObject
    const snapshot = JSON.stringify([definition.authentication, event, settings])
    const destination = new Destination(definition)
    const results = await destination.onEvent(event, settings)
    expect(results[2].data).toEqual({ nums: [1, 2], obj: { k: 5 } })
    expect(JSON.stringify([definition.authentication, event, settings])).toBe(snapshot)
  })

  it('a perform that edits its payload changes neither the event nor what another subscription receives', async () => {
    const seen: unknown[] = []
    const definition: DestinationDefinition<Settings> = {
      name: 'Editing Perform',
      mode: 'cloud',
      actions: {
        edit: {
          title: 'Edit',
          description: 'Edits everything it is given',
          fields: {
            props: { label: 'Props', description: 'Props', type: 'object' },
            items: {
              label: 'Items',
              description: 'Items',
              type: 'object',
              multiple: true,
              properties: { id: { label: 'ID', type: 'string' } }
            }
          },
          perform: (_r, { payload }) => {
            seen.push(JSON.parse(JSON.stringify(payload)))
            const props = payload.props as Record<string, unknown>
            ;(props.nested as Record<string, unknown>).x = 'edited'
            delete props.a
            ;(payload.items as Array<Record<string, unknown>>)[0].id = 'edited'
            ;(payload.items as unknown[]).push({ id: 'added' })
            return 'done'
          }
        }
      }
    }
    const event = createTestEvent({ properties: { a: 1, nested: { x: 'original' }, items: [{ id: 'i1' }] } })
    const snapshot = JSON.stringify(event)
    const mapping = { props: { '@path': '$.properties' }, items: { '@path': '$.properties.items' } }
    const subscription = { subscribe: 'type = "track"', partnerAction: 'edit', mapping }
    const destination = new Destination(definition)
    await destination.onEvent(event, { subscriptions: [subscription, { ...subscription }] } as unknown as JSONObject)
    await destination.onEvent(event, { subscription } as unknown as JSONObject)
    expect(JSON.stringify(event)).toBe(snapshot)
    expect(seen).toHaveLength(3)
    for (const payload of seen) expect(payload).toEqual({ props: event.properties, items: [{ id: 'i1' }] })
  })

  it('drops payload keys that are not fields, whether or not the mapping can produce them', async () => {
    const definition: DestinationDefinition<Settings> = {
      name: 'Known Keys',
      mode: 'cloud',
      actions: {
        a: {
          title: 'A',
          description: 'A',
          fields: {
            n: { label: 'N', description: 'N', type: 'number' },
            obj: { label: 'Obj', description: 'Obj', type: 'object', properties: { k: { label: 'K', type: 'number' } } }
          },
          perform: (_r, { payload }) => payload
        }
      }
    }
    const destination = new Destination(definition)
    const event = createTestEvent({ properties: { n: '4', obj: { k: '5', extra: true }, whole: { n: '6', other: 1 } } })
    const run = async (mapping: JSONObject) =>
      (
        await destination.onEvent(event, { subscription: { subscribe: 'type = "track"', partnerAction: 'a', mapping } })
      )[2].data
    // Every mapping key is a field: coercion and nested removal still apply.
    expect(await run({ n: { '@path': '$.properties.n' }, obj: { '@path': '$.properties.obj' } })).toEqual({
      n: 4,
      obj: { k: 5 }
    })
    // A key that is not a field, and a root directive whose keys are unknown, are removed.
    expect(await run({ n: { '@path': '$.properties.n' }, notAField: 'x' })).toEqual({ n: 4 })
    expect(await run({ '@path': '$.properties.whole' })).toEqual({ n: 6 })
  })

  it('does not pass the subscription keys to perform', async () => {
    const results = await echoDestination().onEvent(createTestEvent(), {
      apiKey: 'k',
      subscription: { subscribe: 'type = "track"', partnerAction: 'ok', mapping: {} }
    } as JSONObject)
    expect((results[2].data as JSONObject).settings).toEqual({ apiKey: 'k' })
  })
})

describe('validators are keyed by schema, not by name', () => {
  it('two definitions with the same name and action title validate independently', async () => {
    const make = (type: 'string' | 'number') =>
      new Destination({
        name: 'Same Name With Spaces',
        mode: 'cloud',
        actions: {
          a: {
            title: 'Same Title',
            description: 'x',
            fields: { v: { label: 'V', description: 'V', type } },
            perform: (_r, { payload }) => payload
          }
        }
      })
    const settings = {
      subscription: { subscribe: 'type = "track"', partnerAction: 'a', mapping: { v: 'abc' } }
    } as JSONObject
    await expect(make('string').onEvent(createTestEvent(), settings)).resolves.toHaveLength(3)
    await expect(make('number').onEvent(createTestEvent(), settings)).rejects.toMatchObject({
      name: 'AggregateAjvError',
      status: 400
    })
  })
})

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

describe('InvalidAuthenticationError thrown by perform triggers a refresh', () => {
  it('retries with the new token', async () => {
    const destination = new Destination<Settings>({
      name: 'Managed',
      mode: 'cloud',
      authentication: { scheme: 'oauth-managed', fields: {}, refreshAccessToken: async () => ({ accessToken: 'new' }) },
      actions: {
        a: {
          title: 'A',
          description: '',
          fields: {},
          perform: (_r, { auth }) => {
            if (auth?.accessToken === 'old') throw new InvalidAuthenticationError('expired')
            return { token: auth?.accessToken }
          }
        }
      }
    })
    const results = await destination.onEvent(createTestEvent(), {
      oauth: { access_token: 'old' },
      subscription: { subscribe: 'type = "track"', partnerAction: 'a', mapping: {} }
    } as JSONObject)
    expect(results[1]).toEqual({ data: { token: 'new' }, output: 'Action Executed' })
  })
})
