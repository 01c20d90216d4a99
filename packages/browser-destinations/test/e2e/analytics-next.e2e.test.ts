/**
 * @jest-environment node
 */
// End to end in headless chromium: analytics-next from npm loads the browser destinations'
// plugins in a page served from 127.0.0.1, with fake vendor SDKs recording the calls made.
import type { Browser, Page } from 'playwright-core'
import { FAKE_FS_JS, FAKE_GTAG_JS } from './fake-vendor-sdks'
import { bundleHostPage } from './host-page'
import { serve, type LocalServer } from './serve'

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { launchChromium } = require('../../../../scripts/launch-chromium') as { launchChromium(): Promise<Browser> }

jest.setTimeout(120_000)

interface ScenarioResult {
  pluginNames: string[]
  trackedEvent: { event: string; integrations?: Record<string, { session_id?: number }> }
  storedSessionId: string | null
  failedInitializations: string[]
}

interface PageRun {
  result: ScenarioResult
  gtagCalls: unknown[][]
  fsCalls: unknown[][] | undefined
  external: string[]
  pageErrors: string[]
}

const HTML =
  '<!doctype html><html><head><title>E2E Shop</title><script src="/page.js"></script></head><body></body></html>'

let server: LocalServer
let browser: Browser

beforeAll(async () => {
  const pageScript = await bundleHostPage()
  server = await serve({
    '/': ['text/html', HTML],
    '/page.js': ['application/javascript', pageScript],
    '/gtag/js': ['application/javascript', FAKE_GTAG_JS],
    '/fs.js': ['application/javascript', FAKE_FS_JS]
  })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** The GA4 commands after gtag's setup commands, sorted: plugins for one event run concurrently. */
function sorted(calls: unknown[][]): string[] {
  return calls.map((call) => JSON.stringify(call)).sort()
}

async function run(fullstoryPath: string, settle: (page: Page) => Promise<unknown>): Promise<PageRun> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const external: string[] = []
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  // Anything not on 127.0.0.1 (Segment's CDN or API, Google, FullStory) is recorded and refused.
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url())
    if (url.hostname !== '127.0.0.1') {
      external.push(url.href)
      return route.abort()
    }
    return route.continue()
  })
  try {
    await page.goto(`${server.origin}/`)
    const result = (await page.evaluate(
      (options) => (window as unknown as { runScenario(o: unknown): Promise<unknown> }).runScenario(options),
      { origin: server.origin, fullstoryPath }
    )) as ScenarioResult
    await settle(page)
    const recorded = (await page.evaluate(() => {
      const w = window as unknown as { __gtagCalls?: unknown[][]; __fsCalls?: unknown[][] }
      return { gtagCalls: w.__gtagCalls ?? [], fsCalls: w.__fsCalls }
    })) as { gtagCalls: unknown[][]; fsCalls: unknown[][] | undefined }
    return { result, ...recorded, external, pageErrors }
  } finally {
    await context.close()
  }
}

const PAGE_URL = () => `${server.origin}/`

function expectedGtagEvents(): unknown[][] {
  return [
    // identify
    ['set', { user_id: 'u1' }],
    ['set', 'user_properties', { email: 'ada@example.com', plan: 'pro' }],
    // page: analytics-next adds the known user id
    ['set', { user_id: 'u1' }],
    ['event', 'page_view', { page_location: PAGE_URL(), page_title: 'E2E Shop', send_to: 'G-E2E' }],
    // track "Order Completed": purchase matches, signUp does not
    [
      'event',
      'purchase',
      { transaction_id: 'o-1', currency: 'EUR', value: 30, items: [{ item_id: 'p1', quantity: 3 }], send_to: 'G-E2E' }
    ]
  ]
}

function expectGtagSetup(calls: unknown[][]): void {
  expect(calls[0][0]).toBe('js')
  expect(calls.slice(1, 4)).toEqual([
    ['set', 'allow_google_signals', false],
    ['set', 'allow_ad_personalization_signals', false],
    ['config', 'G-E2E', { send_page_view: false, cookie_domain: 'auto' }]
  ])
}

/** Waits until the fake gtag.js recorded the purchase (the last event's destination call). */
async function purchaseRecorded(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    ((window as unknown as { __gtagCalls?: unknown[][] }).__gtagCalls ?? []).some((call) => call[1] === 'purchase')
  )
}

describe('browser destinations in analytics-next (headless chromium)', () => {
  it('maps track, page and identify to the vendor SDK calls, and only for matching subscriptions', async () => {
    const { result, gtagCalls, fsCalls, external, pageErrors } = await run('/fs.js', async (page) => {
      await purchaseRecorded(page)
      await page.waitForFunction(() => ((window as unknown as { __fsCalls?: unknown[] }).__fsCalls ?? []).length >= 3)
    })
    expect(external).toEqual([])
    expect(pageErrors).toEqual([])
    expect(result.failedInitializations).toEqual([])
    expect(result.pluginNames).toEqual([
      'Amplitude (Actions) sessionId',
      'Google Analytics 4 Web setConfigurationFields',
      'Google Analytics 4 Web pageView',
      'Google Analytics 4 Web purchase',
      'Google Analytics 4 Web signUp',
      'Fullstory (Actions) trackEvent',
      'Fullstory (Actions) identifyUser',
      'Fullstory (Actions) viewedPage'
    ])

    expectGtagSetup(gtagCalls)
    const events = gtagCalls.slice(4)
    expect(sorted(events)).toEqual(sorted(expectedGtagEvents()))
    expect(events.some((call) => call[1] === 'sign_up')).toBe(false)

    expect(sorted(fsCalls ?? [])).toEqual(
      sorted([
        ['setIdentity', { uid: 'u1', properties: { email: 'ada@example.com' } }, 'segment-browser-actions'],
        ['setProperties', { type: 'page', properties: { pageName: 'Home' } }, 'segment-browser-actions'],
        [
          'trackEvent',
          {
            name: 'Order Completed',
            properties: { order_id: 'o-1', total: 30, currency: 'EUR', products: [{ product_id: 'p1', quantity: 3 }] }
          },
          'segment-browser-actions'
        ]
      ])
    )

    // The Amplitude enrichment ran before the destinations, on the event itself.
    const sessionId = result.trackedEvent.integrations?.['Actions Amplitude']?.session_id
    expect(typeof sessionId).toBe('number')
    expect(String(sessionId)).toBe(result.storedSessionId)
    expect(server.requests).toEqual(expect.arrayContaining(['/', '/page.js', '/gtag/js', '/fs.js']))
  })

  it('keeps the page, the event and the other destinations going when a vendor script fails to load', async () => {
    const { result, gtagCalls, fsCalls, external, pageErrors } = await run('/missing-fs.js', purchaseRecorded)
    expect(external).toEqual([])
    expect(pageErrors).toEqual([])
    expect(server.requests).toContain('/missing-fs.js')

    // analytics-next recorded the FullStory plugins as failed to load and dropped only them.
    expect(result.failedInitializations.sort()).toEqual([
      'Fullstory (Actions) identifyUser',
      'Fullstory (Actions) trackEvent',
      'Fullstory (Actions) viewedPage'
    ])
    expect(fsCalls).toBeUndefined()

    expect(result.trackedEvent.event).toBe('Order Completed')
    expect(typeof result.trackedEvent.integrations?.['Actions Amplitude']?.session_id).toBe('number')
    expectGtagSetup(gtagCalls)
    expect(sorted(gtagCalls.slice(4))).toEqual(sorted(expectedGtagEvents()))
  })
})
