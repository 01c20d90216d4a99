import { transform } from '@action-destinations/core/mapping-kit'
import { destinations } from '@action-destinations/destination-actions'
import plugins, { destination } from '../plugins'
import { LAST_ACCESS_KEY, SESSION_ID_KEY } from '../session-store'
import { createAnalytics, createContext, defaultSubscription } from '../../../test-utils/fake-context'

async function loadedPlugin(mapping?: Record<string, unknown>) {
  const [plugin] = await plugins({ subscriptions: [defaultSubscription(destination.actions, 'sessionId', mapping)] })
  await plugin.load(createContext({ type: 'page' }), createAnalytics())
  return plugin
}

describe('Amplitude (Actions) sessionId', () => {
  beforeEach(() => {
    localStorage.clear()
    jest.useFakeTimers({ now: new Date('2024-05-01T10:00:00Z') })
  })
  afterEach(() => jest.useRealTimers())

  it('is an enrichment plugin that adds the session id under the cloud Amplitude integration', async () => {
    const plugin = await loadedPlugin()
    expect(plugin.type).toBe('enrichment')
    const ctx = createContext({ type: 'track', event: 'Clicked', integrations: { 'Segment.io': true } })
    await plugin.track?.(ctx)
    const started = Date.parse('2024-05-01T10:00:00Z')
    expect(ctx.event.integrations).toEqual({ 'Segment.io': true, 'Actions Amplitude': { session_id: started } })
    expect(localStorage.getItem(SESSION_ID_KEY)).toBe(String(started))
    expect(localStorage.getItem(LAST_ACCESS_KEY)).toBe(String(started))
  })

  it('keeps the session while events keep coming and starts a new one after the session length', async () => {
    const plugin = await loadedPlugin({ sessionLength: 60_000 })
    const started = Date.now()
    const first = createContext({ type: 'track', event: 'A' })
    await plugin.track?.(first)
    jest.setSystemTime(started + 50_000)
    const second = createContext({ type: 'page' })
    await plugin.page?.(second)
    jest.setSystemTime(started + 50_000 + 60_001)
    const third = createContext({ type: 'identify' })
    await plugin.identify?.(third)
    const ids = [first, second, third].map(
      (ctx) => (ctx.event.integrations as Record<string, { session_id: number }>)['Actions Amplitude'].session_id
    )
    expect(ids).toEqual([started, started, started + 110_001])
  })

  it('produces what the cloud Amplitude destination reads as session_id', async () => {
    const cloud = Object.values(destinations).find((definition) => definition.name === 'Actions Amplitude')
    if (!cloud) throw new Error('the cloud Amplitude destination is not registered')
    const sessionField = cloud.actions.logEvent.fields.session_id
    const plugin = await loadedPlugin()
    const ctx = createContext({ type: 'track', event: 'Clicked' })
    await plugin.track?.(ctx)
    const resolved = transform({ session_id: sessionField.default } as never, ctx.event as never)
    expect(resolved).toEqual({ session_id: Date.now() })
  })
})
