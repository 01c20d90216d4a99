import nock from 'nock'
import { Destination, createTestEvent } from '../../../src'
import type { ActionDefinition, JSONObject, SubscriptionStats } from '../../../src'
import { HOST, text, destinationWith, subscribed } from './reference-definition'
import type { Perform, Settings } from './reference-definition'

// Subscriptions, settings and the other entry points of a Destination. Expected values are the
// reference's answers (see reference-definition.ts).

beforeAll(() => nock.disableNetConnect())
afterEach(() => nock.cleanAll())
afterAll(() => nock.enableNetConnect())

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

  it('a subscription that is not an object reports it cannot be validated', async () => {
    const destination = new Destination(destinationWith({}))
    const settings = { subscription: 'type = "track"' }
    expect(await destination.onEvent(createTestEvent(), settings)).toEqual([
      { output: 'Failed to validate subscription' }
    ])
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

describe('onComplete', () => {
  it('hears of every subscription with the event, mapping and settings it ran with', async () => {
    const heard: Array<Record<string, unknown>> = []
    const destination = new Destination(destinationWith({ fields: { f: { ...text('F'), required: true } } }))
    const onComplete = (stats: SubscriptionStats) => {
      heard.push({ ...stats, duration: typeof stats.duration })
    }
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

describe('contexts given to perform', () => {
  it('a stats context is always there (empty when the runtime gave none)', async () => {
    const seen: unknown[] = []
    const destination = new Destination(
      destinationWith({
        perform: ((_r, data) => seen.push(data.statsContext)) as Perform,
        performBatch: (_r, data) => {
          seen.push(data.statsContext)
        }
      })
    )
    await destination.onEvent(createTestEvent(), subscribed({ f: 'x' }))
    await destination.onBatch([createTestEvent()], subscribed({ f: 'x' }))
    expect(seen).toEqual([{}, {}])
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
      } as unknown as ActionDefinition<Settings>['dynamicFields']
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

  it('a dynamic field that answers with a response gives its parsed body', async () => {
    const withRequest = new Destination(
      destinationWith({
        dynamicFields: {
          f: (request) => request(`${HOST}/choices`)
        } as unknown as ActionDefinition<Settings>['dynamicFields']
      })
    )
    nock(HOST)
      .get('/choices')
      .reply(200, { choices: [{ label: 'A', value: 'a' }] })
    await expect(withRequest.executeDynamicField('a', 'f', { settings: {}, payload: {} })).resolves.toEqual({
      choices: [{ label: 'A', value: 'a' }]
    })
  })

  it('an action without hooks says so', async () => {
    await expect(
      destination.actions.a.executeHook('onMappingSave', { settings: {}, payload: {} })
    ).rejects.toMatchObject({ message: 'This action does not support any hooks.', status: 501 })
  })
})
