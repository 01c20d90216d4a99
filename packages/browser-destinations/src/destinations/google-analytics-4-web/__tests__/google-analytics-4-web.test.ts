import plugins, { destination } from '../plugins'
import {
  createAnalytics,
  createContext,
  defaultSubscription,
  finishScript,
  flush
} from '../../../test-utils/fake-context'
import type { Plugin } from '../../../runtime/types'

const settings = { measurementID: 'G-TEST123', pageView: false }

/** The gtag commands in dataLayer after the setup commands of initialize. */
function commands(): unknown[][] {
  return (window.dataLayer ?? []).map((entry) => Array.from(entry as ArrayLike<unknown>))
}

let loads = 0

/** Loads the plugins with a fresh gtag.js URL each time (loadScript loads a URL once per page). */
async function load(keys: string[], extra: Record<string, unknown> = {}): Promise<Plugin[]> {
  loads += 1
  const subscriptions = keys.map((key) => defaultSubscription(destination.actions, key))
  const gtagUrl = (extra.gtagUrl as string | undefined) ?? `http://127.0.0.1:9999/gtag-${loads}.js`
  const loaded = await plugins({ ...settings, gtagUrl, ...extra, subscriptions })
  const loading = Promise.all(loaded.map((plugin) => plugin.load(createContext({ type: 'page' }), createAnalytics())))
  await flush()
  finishScript(`${gtagUrl}?id=G-TEST123`)
  await loading
  return loaded
}

describe('Google Analytics 4 Web', () => {
  beforeEach(() => {
    delete window.dataLayer
    delete window.gtag
    document.head.innerHTML = '<script src="https://example.com/first.js"></script>'
  })

  it('loads gtag.js for the measurement id and configures it', async () => {
    await load(['purchase'], { gtagUrl: 'https://www.googletagmanager.com/gtag/js' })
    expect(document.querySelector('script')?.src).toBe('https://www.googletagmanager.com/gtag/js?id=G-TEST123')
    const [js, ...rest] = commands()
    expect(js[0]).toBe('js')
    expect(js[1]).toBeInstanceOf(Date)
    expect(rest).toEqual([
      ['set', 'allow_google_signals', false],
      ['set', 'allow_ad_personalization_signals', false],
      ['config', 'G-TEST123', { send_page_view: false, cookie_domain: 'auto' }]
    ])
    // gtag.js only reads Arguments objects from dataLayer.
    expect(Object.prototype.toString.call(window.dataLayer?.[0])).toBe('[object Arguments]')
  })

  it('maps Order Completed to a purchase event with items', async () => {
    const [plugin] = await load(['purchase'])
    window.dataLayer = []
    await plugin.track?.(
      createContext({
        type: 'track',
        event: 'Order Completed',
        properties: {
          order_id: 'o-1',
          total: 30,
          currency: 'EUR',
          products: [{ product_id: 'p1', name: 'Mug', price: 10, quantity: 3 }]
        }
      })
    )
    expect(commands()).toEqual([
      [
        'event',
        'purchase',
        {
          transaction_id: 'o-1',
          currency: 'EUR',
          value: 30,
          items: [{ item_id: 'p1', item_name: 'Mug', price: 10, quantity: 3 }],
          send_to: 'G-TEST123'
        }
      ]
    ])
  })

  it('sends nothing for a purchase without an order id and says why', async () => {
    const [plugin] = await load(['purchase'])
    window.dataLayer = []
    const ctx = createContext({ type: 'track', event: 'Order Completed', properties: { total: 3 } })
    await plugin.track?.(ctx)
    expect(commands()).toEqual([])
    expect(ctx.errorMessages()).toEqual([
      'Google Analytics 4 Web purchase: skipped, the payload lacks the required field(s) "transaction_id"'
    ])
  })

  it('maps identify to user id and user properties, and page to page_view', async () => {
    const [config, pageView] = await load(['setConfigurationFields', 'pageView'])
    window.dataLayer = []
    await config.identify?.(createContext({ type: 'identify', userId: 'u1', traits: { plan: 'pro' } }))
    const page = createContext({
      type: 'page',
      context: { page: { url: 'https://shop.example/a', title: 'A', referrer: 'https://ref.example/' } }
    })
    await config.page?.(page)
    await pageView.page?.(page)
    expect(commands()).toEqual([
      ['set', { user_id: 'u1' }],
      ['set', 'user_properties', { plan: 'pro' }],
      [
        'event',
        'page_view',
        {
          page_location: 'https://shop.example/a',
          page_title: 'A',
          page_referrer: 'https://ref.example/',
          send_to: 'G-TEST123'
        }
      ]
    ])
  })

  it('sends custom events under a GA4-safe name', async () => {
    const [plugin] = await load(['customEvent'])
    window.dataLayer = []
    await plugin.track?.(createContext({ type: 'track', event: 'Video Played!', properties: { id: 7 } }))
    expect(commands()).toEqual([['event', 'Video_Played_', { id: 7, send_to: 'G-TEST123' }]])
  })

  it('fails to load with a clear error without a measurement id', async () => {
    const [plugin] = await plugins({ subscriptions: [defaultSubscription(destination.actions, 'signUp')] })
    await expect(plugin.load(createContext({ type: 'page' }), createAnalytics())).rejects.toThrow(
      'Google Analytics 4 Web: settings.measurementID must be a measurement ID such as G-XXXXXXXXXX'
    )
  })
})
