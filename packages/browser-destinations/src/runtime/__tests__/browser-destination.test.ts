import { browserDestination } from '../browser-destination'
import type { BrowserDestinationDefinition } from '../types'

const definition: BrowserDestinationDefinition<Record<string, unknown>, undefined> = {
  name: 'Factory Test',
  mode: 'device',
  initialize: () => undefined,
  actions: {
    go: { title: 'Go', description: 'Goes.', platform: 'web', fields: {}, perform: () => undefined }
  }
}

const subscription = { partnerAction: 'go', subscribe: 'type = "track"', enabled: true, mapping: {} }

describe('browserDestination', () => {
  it('returns a plugin factory named after the destination', async () => {
    const factory = browserDestination(definition)
    expect(factory.pluginName).toBe('Factory Test')
    const plugins = await factory({ subscriptions: [subscription] })
    expect(plugins.map((plugin) => plugin.name)).toEqual(['Factory Test go'])
  })

  it('accepts subscriptions as the JSON string the CDN settings carry', async () => {
    const plugins = await browserDestination(definition)({ subscriptions: JSON.stringify([subscription]) })
    expect(plugins).toHaveLength(1)
  })

  it('makes no plugins without subscriptions', async () => {
    await expect(browserDestination(definition)({})).resolves.toEqual([])
  })

  it('names the place of bad settings', async () => {
    const factory = browserDestination(definition)
    await expect(factory({ subscriptions: '[{' })).rejects.toThrow(/^settings\.subscriptions: not valid JSON/)
    await expect(factory({ subscriptions: '{}' })).rejects.toThrow(
      'settings.subscriptions: expected an array of subscriptions, got object'
    )
    await expect(factory({ subscriptions: [{ ...subscription, subscribe: 3 }] as never })).rejects.toThrow(
      'Factory Test: settings.subscriptions[0].subscribe: expected an FQL string'
    )
    await expect(factory({ subscriptions: [null] as never })).rejects.toThrow(
      'Factory Test: settings.subscriptions[0]: expected an object, got null'
    )
    await expect(factory(null as never)).rejects.toThrow('Factory Test: settings must be an object')
  })

  it('rejects a definition without initialize or name', () => {
    expect(() => browserDestination({ ...definition, initialize: undefined as never })).toThrow(
      'browserDestination(Factory Test): definition.initialize must be a function'
    )
    expect(() => browserDestination({ ...definition, name: '' })).toThrow('definition.name must be a non-empty string')
  })
})
