// The delivery console in headless Chromium at 1024 px, against a running engine: analytics-node
// sends events, the partner API fails then recovers (retries visible), a broken mapping fails
// validation, gets fixed in the editor, and its dead letters are replayed and delivered.
import type { AddressInfo } from 'net'
import path from 'path'
import { createConsole } from '@action-destinations/delivery'
import { Analytics } from '@segment/analytics-node'
import express from 'express'
import type { Browser, Locator, Page } from 'playwright-core'
import {
  startConsoleEngine,
  startPartnerApi,
  WRITE_KEY,
  type ConsoleEngine,
  type PartnerApi
} from './helpers/console-engine'
import { REPO_ROOT } from './helpers/temp-dir'

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { launchChromium } = require(path.join(REPO_ROOT, 'scripts', 'launch-chromium')) as {
  launchChromium(): Promise<Browser>
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureWebBundle, CONSOLE_OUT_DIR } = require('../scripts/bundle-web') as {
  ensureWebBundle(): string
  CONSOLE_OUT_DIR: string
}

/** Set by scripts/console-screenshots.js: where to save a screenshot of each view. */
const SHOTS = process.env.CONSOLE_SCREENSHOTS

jest.setTimeout(120_000)

let api: PartnerApi
let engine: ConsoleEngine
let browser: Browser
let page: Page
const pageErrors: string[] = []

async function send(events: Array<{ event: string; properties?: Record<string, unknown>; messageId?: string }>) {
  const analytics = new Analytics({ writeKey: WRITE_KEY, host: engine.url, flushAt: 20, maxRetries: 1 })
  for (const item of events) analytics.track({ userId: 'user-1', ...item })
  await analytics.closeAndFlush({ timeout: 10_000 })
}

async function eventually(check: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  // Say what the engine holds, so a failure explains itself.
  const overview = await fetch(`${engine.url}/console-api/overview`).then((res) => res.text())
  const attempts = await fetch(`${engine.url}/console-api/attempts?limit=5`).then((res) => res.text())
  throw new Error(`timed out waiting for ${what}\noverview: ${overview}\nlatest attempts: ${attempts}`)
}

async function number(locator: Locator): Promise<number> {
  return Number((await locator.textContent())?.trim())
}

const step = (subscription: string, name: string) =>
  page.getByTestId(`funnel-${subscription}`).getByTestId(`step-${name}`).getByTestId('count')

/** Nothing wider than the 1024 px window, then a screenshot when asked for. */
async function checkLayout(name: string, screenshot = true): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect({ view: name, overflow }).toEqual({ view: name, overflow: 0 })
  if (SHOTS && screenshot) await page.screenshot({ path: path.join(SHOTS, `console-${name}.png`), fullPage: true })
}

beforeAll(async () => {
  ensureWebBundle()
  api = await startPartnerApi()
  engine = await startConsoleEngine(api.url, CONSOLE_OUT_DIR)
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1024, height: 800 } })
  page.setDefaultTimeout(15_000)
  page.on('pageerror', (error) => pageErrors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text())
  })
})

afterAll(async () => {
  await browser?.close()
  await engine?.close()
  await api?.close()
})

it('lists the destination and its subscriptions, secrets masked', async () => {
  const answer = await page.goto(`${engine.url}/#/destinations`)
  expect(answer?.headers()['content-security-policy']).toContain("default-src 'self'")
  await page.getByTestId('instance-partner-webhook').waitFor()
  await page.getByTestId('subscription-orders').waitFor()
  await page.getByTestId('subscription-signups').waitFor()
  expect(await page.content()).not.toContain('console-e2e-shared-secret')
})

it('shows received events live in the debugger, with where each went', async () => {
  api.mode = 'fail'
  await send([
    ...Array.from({ length: 4 }, (_v, i) => ({
      event: 'Order Completed',
      properties: { orderId: `o-${i}`, total: 10 + i }
    })),
    { event: 'Signed Up', properties: { plan: 'pro' } },
    { event: 'Signed Up', properties: { plan: 'free' } }
  ])
  await page.getByTestId('view-debugger').click()
  await page.getByTestId('live').getByText('live').waitFor()
  await eventually(async () => (await page.getByTestId('event-row').count()) >= 6, 'six events listed')
  // One more while the page watches: it arrives through the server-sent events stream.
  await send([{ event: 'Order Completed', properties: { orderId: 'live-1', total: 99 }, messageId: 'live-check-1' }])
  const live = page.getByTestId('event-row').filter({ hasText: 'live-check-1' })
  await live.waitFor()
  await live.click()
  await page.getByTestId('event-json').getByText('"live-1"').waitFor()
  await page.getByTestId('event-jobs').getByText('Orders').waitFor()
  await page.getByTestId('pick-event').click()
  await page.getByTestId('pick-event').getByText('Picked for mapping tests').waitFor()
  await page.getByTestId('filter-name').fill('Signed')
  await eventually(
    async () => (await page.getByTestId('event-row').count()) === 2,
    'two Signed Up events after filtering'
  )
  await checkLayout('debugger')
})

it('shows retries while the partner API fails, then deliveries once it recovers', async () => {
  await page.goto(`${engine.url}/#/overview?instance=partner-webhook&subscription=orders`)
  // Every event of the source reaches each subscription; its conditions filter out the two Signed Up.
  await eventually(async () => (await number(step('orders', 'received'))) === 7, 'seven events received')
  expect(await number(step('orders', 'filtered'))).toBe(2)
  await eventually(
    async () => /retries made: [1-9]/.test((await page.getByTestId('funnel-orders').textContent()) ?? ''),
    'retries counted in the overview'
  )
  expect(await number(step('orders', 'delivered'))).toBe(0)

  await page.getByTestId('view-log').click()
  await page.getByTestId('attempt-retry').first().waitFor()
  await page.getByTestId('attempt-retry').first().click()
  await page.getByTestId('attempt-traffic').getByText('partner API is down').waitFor()
  expect(await page.getByTestId('event-log').textContent()).not.toContain('console-e2e-shared-secret')
  await checkLayout('event-log')

  api.mode = 'ok'
  await page.goto(`${engine.url}/#/overview?instance=partner-webhook&subscription=orders`)
  await eventually(
    async () => (await number(step('orders', 'delivered'))) === 5,
    'five Orders delivered after recovery'
  )
  expect(api.received.filter((request) => request.path === '/orders' && request.status === 200)).toHaveLength(5)
  await page.getByTestId('period-day').click()
  await eventually(async () => (await number(step('orders', 'delivered'))) === 5, 'the last day counts the same five')
  await checkLayout('overview')
})

it('shows a broken mapping as failed validation, fixes it and replays the dead letters', async () => {
  await page.goto(`${engine.url}/#/overview?instance=partner-webhook&subscription=signups`)
  await eventually(
    async () => (await number(step('signups', 'failed-validation'))) === 2,
    'two Signups failing validation'
  )

  await page.goto(`${engine.url}/#/dead-letters?instance=partner-webhook&subscription=signups`)
  await eventually(async () => (await page.getByTestId('dead-letter').count()) === 2, 'two dead letters')
  await checkLayout('dead-letters')

  // The fix: a literal url, checked on a received event before saving.
  await page.goto(`${engine.url}/#/edit?instance=partner-webhook&subscription=signups`)
  // Its conditions, tried on what arrived: the two Signed Up among the seven events.
  await page.getByTestId('test-conditions-button').click()
  await page.getByTestId('conditions-result').getByText('2 of 7 recent events match').waitFor()
  await page.getByTestId('tab-mapping').click()
  await page
    .getByTestId('test-mapping')
    .getByText(/problem/)
    .waitFor()
  // The sample is the event picked in the debugger.
  expect(await page.getByTestId('mapping-event').locator('option:checked').textContent()).toContain('live-check-1')
  await page.getByTestId('mode-url').selectOption('literal')
  await page.getByTestId('value-url').fill(`${api.url}/signups`)
  await page.getByTestId('mapping-result').getByText('The payload is valid').waitFor()
  await checkLayout('subscription-editor')
  await page.getByTestId('save-subscription').click()
  await page.getByTestId('editor-notice').getByText('Saved').waitFor()
  await new Promise((resolve) => setTimeout(resolve, 500)) // the engine picks changes up within a second

  await page.goto(`${engine.url}/#/dead-letters?instance=partner-webhook&subscription=signups`)
  await eventually(async () => (await page.getByTestId('dead-letter').count()) === 2, 'dead letters listed again')
  await page.getByTestId('replay-all').click()
  await page.getByTestId('replay-notice').getByText('Replayed 2 events').waitFor()
  await page.goto(`${engine.url}/#/overview?instance=partner-webhook&subscription=signups`)
  await eventually(async () => (await number(step('signups', 'delivered'))) === 2, 'replayed Signups delivered')
  expect(api.received.filter((request) => request.path === '/signups' && request.status === 200)).toHaveLength(2)
})

it('counts the last hour on the destinations list, adds a destination and edits settings with secrets masked', async () => {
  await page.goto(`${engine.url}/#/destinations`)
  const orders = page.getByTestId('subscription-orders')
  await eventually(async () => (await number(orders.getByTestId('delivered-count'))) === 5, 'Orders delivered count')
  expect(await number(page.getByTestId('subscription-signups').getByTestId('failed-count'))).toBe(2)
  await checkLayout('destinations')

  // Disabling a subscription in the list stores it at once; enabling it again too.
  const stored = async () =>
    (await engine.engine.store.loadConfig())?.config.destinations.find((item) => item.name === 'partner-webhook')
  const ordersEnabled = async () => (await stored())?.subscriptions.find((item) => item.id === 'orders')?.enabled
  const toggle = orders.locator('input[type="checkbox"]')
  await toggle.click()
  await eventually(async () => (await ordersEnabled()) === false, 'Orders disabled in the store')
  await eventually(async () => !(await toggle.isChecked()), 'the list showing Orders disabled')
  await toggle.click()
  await eventually(async () => (await ordersEnabled()) === true, 'Orders enabled again')

  await page.getByTestId('add-destination').click()
  await page.getByTestId('registry-search').fill('webhook')
  await page.getByTestId('registry-webhook').click()
  await page.getByTestId('instance-name').fill('second-webhook')
  await page.getByTestId('source-website').check()
  await page.getByTestId('setup-custom').check()
  await checkLayout('add-destination')
  await page.getByTestId('create-destination').click()
  await page.getByTestId('instance-second-webhook').waitFor()

  // Its settings come back masked; a new secret typed in is stored, the masked one never is.
  await page.getByTestId('instance-settings-partner-webhook').click()
  const secret = page.getByTestId('setting-sharedSecret')
  expect(await secret.inputValue()).toBe('********')
  expect(await secret.getAttribute('type')).toBe('password')
  await page.getByTestId('test-credentials').click()
  await page.getByTestId('credentials-status').getByText('Credentials are valid').waitFor()
  await checkLayout('settings')
  await page.getByTestId('save-instance').click()
  await page.getByTestId('instance-partner-webhook').waitFor()
  expect((await stored())?.settings.sharedSecret).toBe('console-e2e-shared-secret')
  await page.getByTestId('instance-settings-partner-webhook').click()
  await secret.fill('a-new-shared-secret')
  await page.getByTestId('save-instance').click()
  await page.getByTestId('instance-partner-webhook').waitFor()
  expect((await stored())?.settings.sharedSecret).toBe('a-new-shared-secret')
  expect(pageErrors).toEqual([])
})

it('asks for the admin token when the engine listens beyond loopback', async () => {
  // The same console as a non-loopback engine would mount it, served here on 127.0.0.1 only.
  const consoleApp = createConsole({
    store: engine.engine.store,
    registry: { find: () => undefined, list: () => [] },
    listenHost: '0.0.0.0',
    adminToken: 'e2e-admin-token',
    staticDir: CONSOLE_OUT_DIR
  })
  const app = express()
  app.use(consoleApp.router)
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  try {
    const { port } = server.address() as AddressInfo
    await page.goto(`http://127.0.0.1:${port}/#/destinations`)
    const token = page.locator('form.login input[type="password"]')
    await token.fill('wrong')
    await page.locator('form.login button').click()
    await page.locator('form.login .error').getByText('not the admin token').waitFor()
    await token.fill('e2e-admin-token')
    await page.locator('form.login button').click()
    await page.getByTestId('instance-partner-webhook').waitFor()
    await page.getByTestId('view-debugger').click()
    await page.getByTestId('live').getByText('live').waitFor()
    await checkLayout('after-login', false)
  } finally {
    consoleApp.close()
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})
