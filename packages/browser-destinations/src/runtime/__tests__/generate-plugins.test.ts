import { generatePlugins } from '../generate-plugins'
import type { BrowserDestinationDefinition, Subscription } from '../types'
import { createAnalytics, createContext } from '../../test-utils/fake-context'

interface Settings {
  apiKey: string
}

interface Client {
  calls: Array<[string, unknown]>
}

function definition(overrides: Partial<BrowserDestinationDefinition<Settings, Client>> = {}) {
  const initialize = jest.fn(async (): Promise<Client> => ({ calls: [] }))
  const def: BrowserDestinationDefinition<Settings, Client> = {
    name: 'Test Destination',
    mode: 'device',
    initialize,
    actions: {
      trackEvent: {
        title: 'Track Event',
        description: 'Records an event.',
        platform: 'web',
        fields: {
          name: { label: 'Name', description: 'Event name.', type: 'string', required: true },
          amount: { label: 'Amount', description: 'Amount.', type: 'number' }
        },
        perform: (client, { payload }) => {
          client.calls.push(['trackEvent', payload])
        }
      },
      enrich: {
        title: 'Enrich',
        description: 'Adds a flag.',
        platform: 'web',
        lifecycleHook: 'enrichment',
        fields: {},
        perform: (_client, { context }) => {
          context.updateEvent('context.enriched', true)
        }
      },
      before: {
        title: 'Before',
        description: 'Runs first.',
        platform: 'web',
        lifecycleHook: 'before',
        fields: {},
        perform: (client) => {
          client.calls.push(['before', null])
        }
      },
      unused: {
        title: 'Unused',
        description: 'No subscription.',
        platform: 'web',
        fields: {},
        perform: (client) => {
          client.calls.push(['unused', null])
        }
      }
    },
    ...overrides
  }
  return { def, initialize }
}

const trackSubscription: Subscription = {
  partnerAction: 'trackEvent',
  subscribe: 'type = "track" and event = "Order Completed"',
  enabled: true,
  mapping: { name: { '@path': '$.event' }, amount: { '@path': '$.properties.total' } }
}

const settings: Settings = { apiKey: 'k' }

describe('generatePlugins', () => {
  it('makes one plugin per action with enabled subscriptions, typed by lifecycle hook', () => {
    const { def } = definition()
    const plugins = generatePlugins(def, settings, [
      trackSubscription,
      { partnerAction: 'enrich', subscribe: 'type = "track"', enabled: true },
      { partnerAction: 'before', subscribe: 'type = "page"', enabled: true },
      { partnerAction: 'unused', subscribe: 'type = "track"', enabled: false }
    ])
    expect(plugins.map((plugin) => [plugin.name, plugin.type])).toEqual([
      ['Test Destination trackEvent', 'destination'],
      ['Test Destination enrich', 'enrichment'],
      ['Test Destination before', 'before']
    ])
    for (const plugin of plugins) {
      expect(plugin.alternativeNames).toEqual(['Test Destination'])
      for (const hook of ['track', 'page', 'identify', 'alias', 'group'] as const) {
        expect(typeof plugin[hook]).toBe('function')
      }
    }
  })

  it('treats a subscription without enabled: true as disabled, like the reference', () => {
    const { def } = definition()
    const { enabled: _enabled, ...withoutEnabled } = trackSubscription
    expect(generatePlugins(def, settings, [withoutEnabled])).toEqual([])
  })

  it('runs initialize once for all plugins and hands its client to every action', async () => {
    const { def, initialize } = definition()
    const plugins = generatePlugins(def, settings, [
      trackSubscription,
      { partnerAction: 'before', subscribe: 'type = "track"', enabled: true }
    ])
    const analytics = createAnalytics()
    const ctx = createContext({ type: 'track', event: 'Order Completed', properties: { total: 12 } })
    await Promise.all(plugins.map((plugin) => plugin.load(ctx, analytics)))
    await plugins[0].load(ctx, analytics)
    expect(initialize).toHaveBeenCalledTimes(1)
    expect(initialize.mock.calls[0][0]).toEqual({ settings, analytics })
    expect(plugins.every((plugin) => plugin.isLoaded())).toBe(true)

    for (const plugin of plugins) await plugin.track?.(ctx)
    const client = await initialize.mock.results[0].value
    expect(client.calls).toEqual([
      ['trackEvent', { name: 'Order Completed', amount: 12 }],
      ['before', null]
    ])
  })

  it('calls perform only for events matching the subscription', async () => {
    const { def, initialize } = definition()
    const [plugin] = generatePlugins(def, settings, [trackSubscription])
    const analytics = createAnalytics()
    await plugin.load(createContext({ type: 'page' }), analytics)
    const other = createContext({ type: 'track', event: 'Product Viewed', properties: { total: 3 } })
    expect(await plugin.track?.(other)).toBe(other)
    const client = await initialize.mock.results[0].value
    expect(client.calls).toEqual([])
    expect(other.logs).toEqual([])
  })

  it('resolves each subscription with its own mapping and passes mapping and settings to perform', async () => {
    const perform = jest.fn()
    const { def } = definition()
    def.actions.trackEvent.perform = perform
    const second: Subscription = {
      partnerAction: 'trackEvent',
      subscribe: 'type = "track"',
      enabled: true,
      mapping: { name: { '@template': 'Event: {{event}}' } }
    }
    const [plugin] = generatePlugins(def, settings, [trackSubscription, second])
    await plugin.load(createContext({ type: 'page' }), createAnalytics())
    const ctx = createContext({ type: 'track', event: 'Order Completed', properties: { total: 5 } })
    await plugin.track?.(ctx)
    expect(perform).toHaveBeenCalledTimes(2)
    const inputs = perform.mock.calls.map((call) => call[1])
    expect(inputs.map((input) => input.payload)).toEqual([
      { name: 'Order Completed', amount: 5 },
      { name: 'Event: Order Completed' }
    ])
    expect(inputs[0].mapping).toBe(trackSubscription.mapping)
    expect(inputs[0].settings).toBe(settings)
    expect(inputs[0].context).toBe(ctx)
  })

  it('lets an enrichment action change the event', async () => {
    const { def } = definition()
    const [plugin] = generatePlugins(def, settings, [
      { partnerAction: 'enrich', subscribe: 'type = "track"', enabled: true }
    ])
    await plugin.load(createContext({ type: 'page' }), createAnalytics())
    const ctx = createContext({ type: 'track', event: 'X' })
    await plugin.track?.(ctx)
    expect(ctx.event.context).toEqual({ enriched: true })
  })

  it('does not mutate the subscriptions or the event it maps', async () => {
    const { def } = definition()
    const subscriptions = [JSON.parse(JSON.stringify(trackSubscription))]
    const before = JSON.stringify(subscriptions)
    const [plugin] = generatePlugins(def, settings, subscriptions)
    await plugin.load(createContext({ type: 'page' }), createAnalytics())
    const event = { type: 'track', event: 'Order Completed', properties: { total: 1 } }
    await plugin.track?.(createContext(event))
    expect(JSON.stringify(subscriptions)).toBe(before)
    expect(event).toEqual({ type: 'track', event: 'Order Completed', properties: { total: 1 } })
  })
})

describe('generatePlugins: failures stay inside the plugin', () => {
  it('reports a throwing perform on the context and lets the other subscriptions and plugins run', async () => {
    const { def, initialize } = definition()
    def.actions.trackEvent.perform = () => {
      throw new Error('vendor SDK exploded')
    }
    const plugins = generatePlugins(def, settings, [
      trackSubscription,
      { partnerAction: 'before', subscribe: 'type = "track"', enabled: true }
    ])
    await Promise.all(plugins.map((plugin) => plugin.load(createContext({ type: 'page' }), createAnalytics())))
    const ctx = createContext({ type: 'track', event: 'Order Completed' })
    const results = await Promise.all(plugins.map((plugin) => plugin.track?.(ctx)))
    expect(results).toEqual([ctx, ctx])
    expect(ctx.logs).toEqual([
      {
        level: 'error',
        message: 'plugin Error',
        extras: { plugin: 'Test Destination trackEvent', error: expect.any(Error) }
      }
    ])
    expect(ctx.errorMessages()).toEqual(['vendor SDK exploded'])
    expect(ctx.metrics).toEqual([{ metric: 'plugin_error', by: 1, tags: ['plugin:Test Destination trackEvent'] }])
    const client = await initialize.mock.results[0].value
    expect(client.calls).toEqual([['before', null]])
  })

  it('reports a rejecting perform the same way', async () => {
    const { def } = definition()
    def.actions.trackEvent.perform = async () => Promise.reject(new Error('async failure'))
    const [plugin] = generatePlugins(def, settings, [trackSubscription])
    await plugin.load(createContext({ type: 'page' }), createAnalytics())
    const ctx = createContext({ type: 'track', event: 'Order Completed' })
    await expect(plugin.track?.(ctx)).resolves.toBe(ctx)
    expect(ctx.errorMessages()).toEqual(['async failure'])
  })

  it('skips perform and warns when a required field is missing from the payload', async () => {
    const perform = jest.fn()
    const { def } = definition()
    def.actions.trackEvent.perform = perform
    const [plugin] = generatePlugins(def, settings, [{ ...trackSubscription, mapping: { amount: 1 } }])
    await plugin.load(createContext({ type: 'page' }), createAnalytics())
    const ctx = createContext({ type: 'track', event: 'Order Completed' })
    await plugin.track?.(ctx)
    expect(perform).not.toHaveBeenCalled()
    expect(ctx.logs[0].level).toBe('warn')
    expect(ctx.errorMessages()).toEqual([
      'Test Destination trackEvent: skipped, the payload lacks the required field(s) "name"'
    ])
  })

  it('rejects load when initialize fails, reports it, and skips events without throwing', async () => {
    const { def } = definition({
      initialize: async () => {
        throw new Error('script blocked')
      }
    })
    const [track, before] = generatePlugins(def, settings, [
      trackSubscription,
      { partnerAction: 'before', subscribe: 'type = "track"', enabled: true }
    ])
    const loadCtx = createContext({ type: 'page' })
    await expect(track.load(loadCtx, createAnalytics())).rejects.toThrow('script blocked')
    await expect(before.load(loadCtx, createAnalytics())).rejects.toThrow('script blocked')
    expect(track.isLoaded()).toBe(false)
    expect(loadCtx.errorMessages()).toEqual(['script blocked', 'script blocked'])
    await expect(track.ready?.()).resolves.toBeUndefined()

    const ctx = createContext({ type: 'track', event: 'Order Completed' })
    await expect(track.track?.(ctx)).resolves.toBe(ctx)
    expect(ctx.logs[0].level).toBe('warn')
    expect(ctx.errorMessages()).toEqual([
      'Test Destination trackEvent: skipped, the destination failed to initialize: script blocked'
    ])
  })

  it('turns a synchronous throw in initialize into a rejected load', async () => {
    const { def } = definition({
      initialize: () => {
        throw new Error('sync boom')
      }
    })
    const [plugin] = generatePlugins(def, settings, [trackSubscription])
    await expect(plugin.load(createContext({ type: 'page' }), createAnalytics())).rejects.toThrow('sync boom')
  })

  it('reports an event that arrives before load instead of hanging', async () => {
    const { def, initialize } = definition()
    const [plugin] = generatePlugins(def, settings, [trackSubscription])
    const ctx = createContext({ type: 'track', event: 'Order Completed' })
    await expect(plugin.track?.(ctx)).resolves.toBe(ctx)
    expect(initialize).not.toHaveBeenCalled()
    expect(ctx.errorMessages()).toEqual(['Test Destination trackEvent: received a "track" event before load()'])
  })

  it('reports a subscription whose FQL or mapping does not compile at load, and keeps the valid ones', async () => {
    const perform = jest.fn()
    const { def } = definition()
    def.actions.trackEvent.perform = perform
    const [plugin] = generatePlugins(def, settings, [
      { partnerAction: 'trackEvent', subscribe: 'type = ', enabled: true },
      { partnerAction: 'trackEvent', subscribe: 'type = "track"', enabled: true, mapping: { name: { '@path': 3 } } },
      trackSubscription
    ])
    const loadCtx = createContext({ type: 'page' })
    await plugin.load(loadCtx, createAnalytics())
    const messages = loadCtx.errorMessages()
    expect(messages).toHaveLength(2)
    expect(messages[0]).toMatch(/^settings\.subscriptions\[0\]\.subscribe: /)
    expect(messages[1]).toMatch(/^settings\.subscriptions\[1\]\.mapping: /)
    await plugin.track?.(createContext({ type: 'track', event: 'Order Completed' }))
    expect(perform).toHaveBeenCalledTimes(1)
  })
})
