import nock from 'nock'
import {
  Destination,
  MultiStatusResponse,
  createTestEvent,
  createTestIntegration,
  fieldsToJsonSchema,
  validateSchema
} from '../../src'
import type { ActionDefinition, DestinationDefinition, JSONObject } from '../../src'

// Behaviours of @segment/actions-core 3.170.0 that destinations' own test suites rely on. Each
// expected value below is what the reference answered for the same definition and input.

type Settings = Record<string, unknown>
type Perform = ActionDefinition<Settings>['perform']

const HOST = 'https://reference.example.invalid'

beforeAll(() => nock.disableNetConnect())
afterEach(() => nock.cleanAll())
afterAll(() => nock.enableNetConnect())

const text = (label: string) => ({ label, description: label, type: 'string' as const })

// A new title each time: the reference caches schemas by destination name and action title.
let titles = 0

function destinationWith(action: Partial<ActionDefinition<Settings>>): DestinationDefinition<Settings> {
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

function subscribed(mapping: JSONObject): JSONObject {
  return { subscription: { subscribe: 'type = "track"', partnerAction: 'a', mapping } }
}

describe('hook outputs', () => {
  const hooks = {
    onMappingSave: { label: 'Save', description: 'Save', performHook: async () => ({}) }
  }
  const entry = { inputs: { name: 'list' }, outputs: { id: 'list-1' } }

  it('perform and performBatch get the whole saved hook entry, outputs under .outputs', async () => {
    const seen: unknown[] = []
    const destination = new Destination(
      destinationWith({
        hooks,
        perform: ((_request, data) => seen.push(data.hookOutputs)) as Perform,
        performBatch: (_request, data) => {
          seen.push(data.hookOutputs)
        }
      })
    )
    const settings = subscribed({ f: 'x', onMappingSave: entry })
    await destination.onEvent(createTestEvent(), settings)
    await destination.onBatch([createTestEvent()], settings)
    expect(seen).toEqual([{ onMappingSave: entry }, { onMappingSave: entry }])
  })

  it('are an empty object when the mapping has none', async () => {
    const destination = new Destination(destinationWith({ perform: ((_r, data) => data.hookOutputs) as Perform }))
    const results = await destination.onEvent(createTestEvent(), subscribed({ f: 'x' }))
    expect(results[2]).toEqual({ data: {}, output: 'Action Executed' })
  })
})

describe('sync mode', () => {
  const syncMode = {
    label: 'Sync',
    description: 'Sync',
    default: 'add' as const,
    choices: [{ label: 'Add', value: 'add' as const }]
  }
  const modeOf = async (definition: Partial<ActionDefinition<Settings>>, mode: unknown) => {
    const destination = new Destination(
      destinationWith({ ...definition, perform: ((_r, data) => data.syncMode ?? null) as Perform })
    )
    const results = await destination.onEvent(
      createTestEvent(),
      subscribed({ f: 'x', __segment_internal_sync_mode: mode as string })
    )
    return results[2].data
  }

  it("is any of the framework's modes, whatever the action's own choices", async () => {
    expect(await modeOf({ syncMode }, 'add')).toBe('add')
    expect(await modeOf({ syncMode }, 'upsert')).toBe('upsert')
    expect(await modeOf({ syncMode }, 'mirror')).toBe('mirror')
  })

  it('is undefined for other values and for actions without syncMode', async () => {
    expect(await modeOf({ syncMode }, 'sideways')).toBeNull()
    expect(await modeOf({}, 'add')).toBeNull()
  })

  it('reaches performBatch the same way', async () => {
    let seen: unknown
    const destination = new Destination(
      destinationWith({
        syncMode,
        performBatch: (_r, data) => {
          seen = data.syncMode
        }
      })
    )
    await destination.onBatch([createTestEvent()], subscribed({ f: 'x', __segment_internal_sync_mode: 'delete' }))
    expect(seen).toBe('delete')
  })

  describe('a field required by a condition on the sync mode', () => {
    const definition: Partial<ActionDefinition<Settings>> = {
      syncMode: { ...syncMode, choices: [...syncMode.choices, { label: 'Delete', value: 'delete' }] },
      fields: {
        f: text('F'),
        reason: {
          ...text('Reason'),
          required: {
            conditions: [{ fieldKey: '__segment_internal_sync_mode', operator: 'is', value: 'delete' }]
          }
        }
      }
    }

    it('is enforced: without it the payload fails validation with the reference message', async () => {
      const destination = new Destination(destinationWith(definition))
      await expect(
        destination.onEvent(createTestEvent(), subscribed({ f: 'x', __segment_internal_sync_mode: 'delete' }))
      ).rejects.toMatchObject({
        name: 'AggregateAjvError',
        status: 400,
        message: `The root value is missing the required field 'reason'. The root value must match "then" schema.`
      })
    })

    it('is not required under other modes, and the sync mode key never reaches the payload', async () => {
      const destination = new Destination(destinationWith(definition))
      const add = await destination.onEvent(
        createTestEvent(),
        subscribed({ f: 'x', __segment_internal_sync_mode: 'add' })
      )
      expect(add[2].data).toEqual({ f: 'x' })
      const withReason = await destination.onEvent(
        createTestEvent(),
        subscribed({ f: 'x', reason: 'gone', __segment_internal_sync_mode: 'delete' })
      )
      expect(withReason[2].data).toEqual({ f: 'x', reason: 'gone' })
    })

    it('gives a 400 multistatus entry for each batch event without it', async () => {
      const destination = new Destination(destinationWith({ ...definition, performBatch: () => undefined }))
      const results = await destination.onBatch(
        [createTestEvent({ properties: { r: 'gone' } }), createTestEvent()],
        subscribed({ f: 'x', reason: { '@path': '$.properties.r' }, __segment_internal_sync_mode: 'delete' })
      )
      expect(results).toEqual([
        {
          multistatus: [
            { status: 200, body: {}, sent: { f: 'x', reason: 'gone' } },
            {
              status: 400,
              errortype: 'PAYLOAD_VALIDATION_FAILED',
              errormessage: `The root value is missing the required field 'reason'. The root value must match "then" schema.`,
              errorreporter: 'INTEGRATIONS'
            }
          ]
        }
      ])
    })
  })
})

describe('a single value for a multiple field', () => {
  const fields = {
    items: {
      label: 'Items',
      description: 'Items',
      type: 'object' as const,
      multiple: true,
      properties: { sku: text('SKU'), meta: { label: 'Meta', description: 'Meta', type: 'object' as const } }
    },
    nested: {
      label: 'Nested',
      description: 'Nested',
      type: 'object' as const,
      properties: { inner: { label: 'Inner', description: 'Inner', type: 'object' as const, multiple: true } }
    }
  }

  it('is wrapped into an array before validation, object fields included', async () => {
    const destination = new Destination(destinationWith({ fields }))
    const results = await destination.onEvent(
      createTestEvent(),
      subscribed({ items: { sku: 'a', meta: { deep: { er: 1 } } } })
    )
    expect(results[2].data).toEqual({ items: [{ sku: 'a', meta: { deep: { er: 1 } } }] })
  })

  it('is wrapped only at the top level, as in the reference (nested objects still fail)', async () => {
    const destination = new Destination(destinationWith({ fields }))
    await expect(
      destination.onEvent(createTestEvent(), subscribed({ nested: { inner: { a: 1 } } }))
    ).rejects.toMatchObject({ message: 'Inner must be an array but it was an object.' })
  })

  it('is wrapped in place by validateSchema', () => {
    const payload = { items: { sku: 'a' } }
    expect(validateSchema(payload, fieldsToJsonSchema(fields))).toBe(true)
    expect(payload).toEqual({ items: [{ sku: 'a' }] })
  })
})

describe('requests made by perform', () => {
  it('response.options.headers hold the headers as given, without the content type json adds', async () => {
    const destination = createTestIntegration({
      ...destinationWith({
        perform: (request) => request(`${HOST}/json`, { method: 'post', json: { a: 1 }, headers: { 'X-Own': 'o' } })
      }),
      extendRequest: () => ({ headers: { authorization: 'Bearer t' } })
    })
    nock(HOST).post('/json').matchHeader('content-type', 'application/json').reply(200, {})
    const [response] = await destination.testAction('a', { mapping: { f: 'x' } })
    expect(Object.fromEntries(new Headers(response.options.headers as HeadersInit).entries())).toEqual({
      authorization: 'Bearer t',
      'user-agent': 'Segment (Actions)',
      'x-own': 'o'
    })
    expect(response.request.headers.get('content-type')).toBe('application/json')
  })

  it('an invalid header value throws synchronously from request(), inside perform', async () => {
    const destination = new Destination(
      destinationWith({
        perform: ((request) => {
          try {
            void request(`${HOST}/x`, { headers: { 'x-name': 'h\u00e9llo\u20ac' } })
            return 'sent'
          } catch (error) {
            return `caught: ${(error as Error).message}`
          }
        }) as Perform
      })
    )
    const results = await destination.onEvent(createTestEvent(), subscribed({ f: 'x' }))
    expect(results[2].data).toBe('caught: h\u00e9llo\u20ac is not a legal HTTP header value')
  })
})

describe('subscriptions that cannot run', () => {
  const failed = {
    status: 400,
    errortype: 'PAYLOAD_VALIDATION_FAILED',
    errormessage: 'Failed to validate subscription',
    errorreporter: 'INTEGRATIONS'
  }

  it('a batch whose subscription has no subscribe gives one 400 entry per event', async () => {
    const destination = new Destination(destinationWith({ performBatch: () => undefined }))
    const results = await destination.onBatch([createTestEvent(), createTestEvent()], {
      subscription: { partnerAction: 'a', mapping: { f: 'x' } }
    })
    expect(results).toEqual([{ multistatus: [failed, failed] }])
  })

  it('the subscription is checked before the action is looked up', async () => {
    const destination = new Destination(destinationWith({}))
    const event = createTestEvent({ event: 'Known' })
    const settingsFor = (subscribe?: string): JSONObject => ({
      subscription: { ...(subscribe === undefined ? {} : { subscribe }), partnerAction: 'missing', mapping: {} }
    })
    expect(await destination.onEvent(event, settingsFor())).toEqual([{ output: 'Failed to validate subscription' }])
    expect(await destination.onEvent(event, settingsFor('event = "Other"'))).toEqual([{ output: 'not subscribed' }])
    expect(await destination.onEvent(event, settingsFor('event = "Known"'))).toEqual([])
  })
})

describe('settings', () => {
  it('are validated before subscriptions run: invalid settings reject even when nothing matches', async () => {
    const destination = new Destination({
      ...destinationWith({}),
      authentication: { scheme: 'custom', fields: { apiKey: { ...text('API Key'), required: true } } }
    })
    const settings = { subscription: { subscribe: 'event = "Other"', partnerAction: 'a', mapping: {} } }
    await expect(destination.onEvent(createTestEvent(), settings)).rejects.toMatchObject({
      name: 'AggregateAjvError',
      status: 400,
      message: "The root value is missing the required field 'apiKey'."
    })
    await expect(destination.onBatch([createTestEvent()], {})).rejects.toMatchObject({ status: 400 })
  })
})

describe('dynamic fields and hooks', () => {
  const echo = async (_request: unknown, data: { dynamicFieldContext?: unknown }) => ({
    choices: [],
    context: data.dynamicFieldContext ?? null
  })
  const destination = new Destination(
    destinationWith({
      dynamicFields: {
        f: echo,
        labels: { __values__: echo, known: echo },
        rows: { child: echo }
      } as ActionDefinition<Settings>['dynamicFields']
    })
  )
  const run = (field: string) => destination.executeDynamicField('a', field, { settings: {}, payload: {} })

  it('dynamic fields get the selected array index or object key, as in the reference', async () => {
    expect(await run('f')).toEqual({ choices: [], context: null })
    expect(await run('rows.[2].child')).toEqual({ choices: [], context: { selectedArrayIndex: 2 } })
    expect(await run('labels.someKey')).toEqual({ choices: [], context: { selectedKey: 'someKey' } })
    expect(await run('labels.known')).toEqual({ choices: [], context: null })
    expect(await run('nope')).toEqual({
      choices: [],
      nextPage: '',
      error: { message: 'No dynamic field named nope found.', code: '404' }
    })
  })

  it('an action without hooks says so', async () => {
    await expect(
      destination.actions.a.executeHook('onMappingSave', { settings: {}, payload: {} })
    ).rejects.toMatchObject({ message: 'This action does not support any hooks.', status: 501 })
  })
})

describe('performBatch returning an HTTPError', () => {
  it('gives every sent payload its status, with the error message as the body', async () => {
    const destination = new Destination(
      destinationWith({
        perform: (request) => request(`${HOST}/one`),
        performBatch: async (request) => {
          try {
            await request(`${HOST}/batch`, { method: 'post', json: [] })
          } catch (error) {
            return error
          }
        }
      })
    )
    nock(HOST).post('/batch').reply(418)
    const results = await destination.onBatch([createTestEvent()], subscribed({ f: 'x' }))
    expect(results).toEqual([{ multistatus: [{ status: 418, body: "I'm a Teapot", sent: { f: 'x' } }] }])
  })
})

describe('onComplete', () => {
  it('hears of every subscription with the event, mapping and settings it ran with', async () => {
    const heard: Array<Record<string, unknown>> = []
    const destination = new Destination(destinationWith({ fields: { f: { ...text('F'), required: true } } }))
    const onComplete = (stats: Record<string, unknown>) => heard.push({ ...stats, duration: typeof stats.duration })
    const event = createTestEvent({ event: 'E' })
    const mapping = { f: { '@path': '$.properties.missing' } }
    await destination.onEvent(
      event,
      { k: 1, subscription: { subscribe: 'event = "Other"', partnerAction: 'a', mapping } },
      {
        onComplete
      }
    )
    await expect(
      destination.onEvent(
        event,
        { k: 1, subscription: { subscribe: 'event = "E"', partnerAction: 'a', mapping } },
        {
          onComplete
        }
      )
    ).rejects.toThrow("The root value is missing the required field 'f'.")
    const common = {
      duration: 'number',
      destination: 'reference-behaviour',
      action: 'a',
      input: { data: event, mapping, settings: { k: 1 } }
    }
    expect(heard).toEqual([
      { ...common, subscribe: 'event = "Other"', output: [{ output: 'not subscribed' }] },
      {
        ...common,
        subscribe: 'event = "E"',
        output: [{ error: { message: "The root value is missing the required field 'f'." } }]
      }
    ])
  })
})

describe('empty values', () => {
  it('a top-level "" is removed from a single payload but kept in a batch, as in the reference', async () => {
    const destination = new Destination(destinationWith({ performBatch: () => undefined }))
    const settings = subscribed({ f: { '@path': '$.properties.empty' } })
    const event = createTestEvent({ properties: { empty: '' } })
    expect((await destination.onEvent(event, settings))[2]).toEqual({ data: {}, output: 'Action Executed' })
    expect(await destination.onBatch([event], settings)).toEqual([
      { multistatus: [{ status: 200, body: {}, sent: { f: '' } }] }
    ])
  })
})

describe('audiences', () => {
  type AudienceSettings = { listName?: string }
  const audienceDestination = (scheme: 'custom' | 'oauth2') =>
    new Destination<Settings, AudienceSettings>({
      ...destinationWith({}),
      authentication:
        scheme === 'oauth2'
          ? { scheme, fields: {}, refreshAccessToken: async () => ({ accessToken: 'fresh' }) }
          : { scheme, fields: {} },
      extendRequest: ({ auth }) => ({ headers: { authorization: `Bearer ${auth?.accessToken}` } }),
      audienceFields: { listName: { ...text('List name'), required: true } },
      audienceConfig: {
        mode: { type: 'synced', full_audience_sync: false },
        createAudience: async (request, { audienceName, audienceSettings }) => {
          const response = await request<{ id: string }>(`${HOST}/lists`, {
            method: 'post',
            json: { audienceName, list: audienceSettings?.listName }
          })
          return { externalId: response.data.id }
        },
        getAudience: async (request, { externalId }) => {
          const response = await request<{ id: string }>(`${HOST}/lists/${externalId}`)
          return { externalId: response.data.id }
        }
      }
    } as DestinationDefinition<Settings>)

  it('createAudience checks non-empty audience settings against audienceFields', async () => {
    const destination = audienceDestination('custom')
    await expect(
      destination.createAudience({ settings: {}, audienceName: 'Buyers', audienceSettings: { other: 'x' } as never })
    ).rejects.toMatchObject({
      name: 'AggregateAjvError',
      message: "The root value is missing the required field 'listName'."
    })
    nock(HOST).post('/lists', { audienceName: 'Buyers', list: 'L' }).reply(200, { id: 'list-1' })
    await expect(
      destination.createAudience({ settings: {}, audienceName: 'Buyers', audienceSettings: { listName: 'L' } })
    ).resolves.toEqual({ externalId: 'list-1' })
  })

  it('with OAuth, a 401 refreshes the token and the audience call is tried again', async () => {
    const destination = audienceDestination('oauth2')
    const settings = { oauth: { access_token: 'old', refresh_token: 'r' } }
    nock(HOST).get('/lists/e1').matchHeader('authorization', 'Bearer old').reply(401, {})
    nock(HOST).get('/lists/e1').matchHeader('authorization', 'Bearer fresh').reply(200, { id: 'e1' })
    await expect(destination.getAudience({ settings, externalId: 'e1' })).resolves.toEqual({ externalId: 'e1' })
    expect(nock.isDone()).toBe(true)
  })
})

describe('OAuth in batches', () => {
  it('a 401 entry in the multistatus refreshes the token and runs the batch again', async () => {
    const tokens: string[] = []
    const destination = new Destination({
      ...destinationWith({
        performBatch: async (request, { payload }) => {
          const response = await request<{ ok: boolean }>(`${HOST}/batch`, {
            method: 'post',
            json: payload,
            throwHttpErrors: false
          })
          const multistatus = new MultiStatusResponse()
          for (let i = 0; i < payload.length; i++) {
            if (response.status === 401) multistatus.pushErrorResponse({ status: 401, errormessage: 'expired' })
            else multistatus.pushSuccessResponse({ status: 200, sent: {}, body: 'ok' })
          }
          return multistatus
        }
      }),
      // Its own name: the reference caches settings schemas by destination name.
      name: 'reference-behaviour-oauth',
      authentication: { scheme: 'oauth2', fields: {}, refreshAccessToken: async () => ({ accessToken: 'fresh' }) },
      extendRequest: ({ auth }) => ({ headers: { authorization: `Bearer ${auth?.accessToken}` } })
    })
    nock(HOST).post('/batch').matchHeader('authorization', 'Bearer old').reply(401, {})
    nock(HOST).post('/batch').matchHeader('authorization', 'Bearer fresh').reply(200, {})
    const results = await destination.onBatch(
      [createTestEvent()],
      { ...subscribed({ f: 'x' }), oauth: { access_token: 'old', refresh_token: 'r' } },
      { onTokenRefresh: async ({ accessToken }) => void tokens.push(accessToken) }
    )
    expect(tokens).toEqual(['fresh'])
    expect(results).toEqual([{ multistatus: [{ status: 200, sent: {}, body: 'ok' }] }])
  })
})

describe('audience settings given to perform', () => {
  it('come from context.personas: {} without personas, undefined when personas has none', async () => {
    const destination = new Destination(
      destinationWith({ perform: ((_r, data) => data.audienceSettings ?? null) as Perform })
    )
    const audienceSettingsFor = async (context: JSONObject) =>
      (await destination.onEvent(createTestEvent({ context }), subscribed({ f: 'x' })))[2].data
    expect(await audienceSettingsFor({})).toEqual({})
    expect(await audienceSettingsFor({ personas: { computation_key: 'k' } })).toBeNull()
    expect(await audienceSettingsFor({ personas: { audience_settings: { list: 'a' } } })).toEqual({ list: 'a' })
  })
})

describe('hook inputs', () => {
  const destination = new Destination(
    destinationWith({
      hooks: {
        onMappingSave: {
          label: 'Save',
          description: 'Save',
          inputFields: {
            name: { ...text('Name'), required: true },
            tags: { ...text('Tags'), multiple: true }
          },
          performHook: async (_request, { hookInputs }) => ({ successMessage: JSON.stringify(hookInputs) })
        }
      }
    })
  )
  const run = (hookInputs?: JSONObject) =>
    destination.actions.a.executeHook('onMappingSave', { settings: {}, payload: {}, hookInputs })

  it('are validated as given: missing inputs fail as a missing object', async () => {
    await expect(run()).rejects.toMatchObject({
      name: 'AggregateAjvError',
      message: 'The root value must be an object but it was undefined.'
    })
    await expect(run({})).rejects.toMatchObject({ message: "The root value is missing the required field 'name'." })
  })

  it('reach the hook coerced', async () => {
    const given = { name: 5, tags: 'a' }
    await expect(run(given)).resolves.toEqual({ successMessage: '{"name":"5","tags":["a"]}' })
    // Unlike the reference, which coerces the caller's object in place.
    expect(given).toEqual({ name: 5, tags: 'a' })
  })
})
