import fs from 'fs'
import os from 'os'
import path from 'path'
import type { Browser, Page } from 'playwright-core'
import { startFakeApi, type FakeApi } from './helpers/fake-api'
import { REPO_ROOT } from './helpers/temp-dir'
import { startWebhookTester, type TesterServer } from './helpers/webhook-tester'

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { launchChromium } = require(path.join(REPO_ROOT, 'scripts', 'launch-chromium')) as {
  launchChromium(): Promise<Browser>
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureWebBundle } = require('../scripts/bundle-web') as { ensureWebBundle(): string }

jest.setTimeout(60_000)

describe('Actions Tester page in headless chromium', () => {
  let dir: string
  let file: string
  let api: FakeApi
  let tester: TesterServer
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    // The page is served from dist/web; build it here when it is missing or stale.
    try {
      ensureWebBundle()
    } catch (error) {
      throw new Error(`Could not bundle the Actions Tester page (run "yarn build"): ${String(error)}`)
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'web-tester-'))
    file = path.join(dir, 'subscriptions.json')
    api = await startFakeApi()
    tester = await startWebhookTester({ subscriptionsFile: file })
    browser = await launchChromium()
    page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1400, height: 900 } })
    page.setDefaultTimeout(10_000)
    await page.goto(`${tester.url}/`)
  })
  afterAll(async () => {
    await browser?.close()
    await tester?.close()
    await api?.close()
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  const fql = () => page.getByTestId('fql-text')

  it('adds a subscription from the action defaults and renames it', async () => {
    await page.getByTestId('add-subscription-send').click()
    await expectValue(fql(), /^type = "track" or type = "identify"/)
    await page.getByTestId('subscription-name').fill('Orders')
    await page.getByTestId('subscription-name').press('Enter')
    await page.getByTestId('subscription-Orders').waitFor()
  })

  it('keeps the condition builder and the FQL text in step both ways', async () => {
    // Text -> builder.
    await fql().fill('type = "track"')
    await expectCount(page.locator('[data-testid^="condition-"][data-testid$="-type"]'), 1)
    expect(await page.getByTestId('condition-0-value').inputValue()).toBe('track')

    // Builder -> text: an ANY group of type, name and property conditions.
    await page.getByTestId('group-operator').selectOption('ANY')
    await page.getByTestId('add-condition-event').click()
    await page.getByTestId('condition-1-operator').selectOption('starts_with')
    await page.getByTestId('condition-1-value').fill('Order')
    await page.getByTestId('add-condition-event-property').click()
    await page.getByTestId('condition-2-property').fill('properties.total')
    await page.getByTestId('condition-2-operator').selectOption('greater_than')
    await page.getByTestId('condition-2-value').fill('40')
    await expectValue(fql(), 'type = "track" or match(event, "Order*") or properties.total > 40')

    // Invalid FQL shows the parser's positioned error and leaves the builder alone.
    await fql().fill('type = ')
    const error = page.getByTestId('fql-error')
    await error.waitFor()
    expect(await error.textContent()).toContain('line 1, column 8')

    await fql().fill('event = "Order Completed" and properties.coupon != null')
    await expectValue(page.getByTestId('group-operator'), 'ALL')
    expect(await page.getByTestId('condition-0-value').inputValue()).toBe('Order Completed')
    expect(await page.getByTestId('condition-1-property').inputValue()).toBe('properties.coupon')
    expect(await page.getByTestId('condition-1-operator').inputValue()).toBe('exists')
    expect(await error.count()).toBe(0)
    expect(await page.getByTestId('match-Orders').textContent()).toBe('matches')
  })

  it('maps a field with the path picker and shows validation errors next to fields', async () => {
    await page.getByTestId('tab-mapping').click()
    await page.getByTestId('field-error-url').waitFor()
    await page.getByTestId('value-url').fill(`${api.url}/hook`)
    await expectCount(page.getByTestId('field-error-url'), 0)
    await page.getByTestId('path-picker-data').selectOption('$.properties')
    expect(await page.getByTestId('path-input-data').inputValue()).toBe('$.properties')
  })

  it('tests the mapping without sending anything', async () => {
    await page.getByTestId('tab-test').click()
    await page.getByTestId('test-mapping').click()
    await page.getByTestId('test-valid').waitFor()
    const payload = JSON.parse((await page.getByTestId('resolved-payload').textContent()) ?? '{}')
    expect(payload).toMatchObject({ url: `${api.url}/hook`, method: 'POST', data: { order_id: 'o-981', total: 42.5 } })
    expect(api.received).toHaveLength(0)
  })

  it('sends to the partner API and shows the exchange with secret headers masked', async () => {
    await page.getByTestId('setting-sharedSecret').fill('s3cret-value')
    expect(await page.getByTestId('setting-sharedSecret').getAttribute('type')).toBe('password')
    await page.getByTestId('send').click()
    const request = page.getByTestId('exchange-0-request')
    await request.waitFor()
    expect(await request.textContent()).toContain('x-signature: ***')
    expect(await page.getByTestId('exchange-0-response').textContent()).toContain('set-cookie: ***')
    expect(await page.getByTestId('exchange-0').textContent()).not.toContain('s3cret-value')
    expect(api.received).toHaveLength(1)
    expect(JSON.parse(api.received[0].body)).toMatchObject({ order_id: 'o-981' })
    await expectText(page.getByTestId('delivered-send'), '1')
  })

  it('counts the event as filtered out once the subscription is disabled', async () => {
    await page.getByTestId('enabled-Orders').uncheck()
    await expectText(page.getByTestId('match-Orders'), 'no match')
    await page.getByTestId('send').click()
    await expectText(page.getByTestId('result-0'), /filtered/)
    await expectText(page.getByTestId('filtered-send'), '1')
    expect(api.received).toHaveLength(1)
  })

  it('exports, imports with clear errors, and keeps subscriptions across a restart', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()])
    const exported = JSON.parse(fs.readFileSync((await download.path()) as string, 'utf8'))
    expect(exported).toEqual([
      {
        name: 'Orders',
        enabled: false,
        subscribe: 'event = "Order Completed" and properties.coupon != null',
        partnerAction: 'send',
        mapping: expect.objectContaining({ url: `${api.url}/hook`, data: { '@path': '$.properties' } })
      }
    ])

    const bad = [{ ...exported[0], partnerAction: 'nope' }]
    await page.getByTestId('import-file').setInputFiles(jsonFile('bad.json', bad))
    await expectText(page.getByTestId('notice'), /subscriptions\[0\]\.partnerAction "nope"/)

    const good = [
      { ...exported[0], name: 'Imported', enabled: true },
      { ...exported[0], name: 'Second' }
    ]
    await page.getByTestId('import-file').setInputFiles(jsonFile('good.json', good))
    await page.getByTestId('subscription-Second').waitFor()
    expect(await page.getByTestId('enabled-Imported').isChecked()).toBe(true)

    await tester.close()
    tester = await startWebhookTester({ subscriptionsFile: file })
    await page.goto(`${tester.url}/`)
    await page.getByTestId('subscription-Second').waitFor()
    expect(await page.getByTestId('enabled-Imported').isChecked()).toBe(true)
    expect(await page.getByTestId('enabled-Second').isChecked()).toBe(false)
  })

  it('previews and sends a batch, only the matching events go out', async () => {
    await page.getByTestId('sample-batch').click()
    await page.getByTestId('tab-test').click()
    await page.getByTestId('send-as-batch').check()
    await page.getByTestId('batch-size').fill('3')
    await page.getByTestId('preview-batches').click()
    const preview = page.getByTestId('batch-preview')
    await preview.waitFor()
    expect(await preview.textContent()).toContain('events #0, #1, #2')
    expect(await preview.textContent()).toContain('events #3')
    const before = api.received.length
    await page.getByTestId('send').click()
    await expectText(page.getByTestId('result-3'), /filtered/)
    expect(await page.getByTestId('result-0').textContent()).toContain('delivered')
    expect(api.received.length).toBe(before + 1)
    expect(JSON.parse(api.received[before].body)).toHaveLength(1)
  })

  it('deletes a subscription and saves the change', async () => {
    await page.getByTestId('subscription-Second').getByRole('button').click()
    await expectValue(page.getByTestId('subscription-name'), 'Second')
    await page.getByTestId('delete-subscription').click()
    await expectCount(page.getByTestId('subscription-Second'), 0)
    await eventually(async () => JSON.parse(fs.readFileSync(file, 'utf8')).length, 1)
  })
})

function jsonFile(name: string, value: unknown) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)) }
}

type Locator = ReturnType<Page['getByTestId']>

// Polls until the locator shows what the page should settle on (rendering is asynchronous).
async function eventually(read: () => Promise<string | number>, want: string | number | RegExp): Promise<void> {
  let last: string | number = ''
  for (let i = 0; i < 100; i++) {
    last = await read()
    if (want instanceof RegExp ? want.test(String(last)) : last === want) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`expected ${String(want)}, still ${String(last)}`)
}

const expectValue = (locator: Locator, want: string | RegExp) => eventually(() => locator.inputValue(), want)
const expectText = (locator: Locator, want: string | RegExp) =>
  eventually(async () => (await locator.textContent()) ?? '', want)
const expectCount = (locator: Locator, want: number) => eventually(() => locator.count(), want)
