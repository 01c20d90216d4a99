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
    expect(await request.textContent()).toContain('x-signature: ********')
    expect(await page.getByTestId('exchange-0-response').textContent()).toContain('set-cookie: ********')
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

describe('Actions Tester page layout and settings in headless chromium', () => {
  let dir: string
  let tester: TesterServer
  let browser: Browser

  beforeAll(async () => {
    ensureWebBundle()
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'web-tester-layout-'))
    const subscriptions = [
      {
        name: 'Orders',
        enabled: true,
        subscribe: 'type = "track"',
        partnerAction: 'send',
        mapping: { url: 'http://127.0.0.1:9/hook', method: 'POST', data: { '@path': '$.properties' } }
      }
    ]
    fs.writeFileSync(path.join(dir, 'subscriptions.json'), JSON.stringify(subscriptions))
    tester = await startWebhookTester({ subscriptionsFile: path.join(dir, 'subscriptions.json') })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await tester?.close()
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  async function openPage(width: number, manifestChange?: (manifest: Record<string, any>) => void): Promise<Page> {
    const opened = await browser.newPage({ viewport: { width, height: 900 } })
    opened.setDefaultTimeout(10_000)
    if (manifestChange) {
      await opened.route('**/manifest', async (route) => {
        const response = await route.fetch()
        const manifest = (await response.json()) as Record<string, any>
        manifestChange(manifest)
        await route.fulfill({ response, json: manifest })
      })
    }
    await opened.goto(`${tester.url}/`)
    await opened.getByTestId('subscription-editor').waitFor()
    return opened
  }

  type Box = { x: number; y: number; width: number; height: number }
  const box = async (locator: Locator): Promise<Box> => {
    const found = await locator.boundingBox()
    if (!found) throw new Error('element is not visible')
    return found
  }
  const inside = (inner: Box, outer: Box) =>
    inner.x >= outer.x - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5
  const overlap = (a: Box, b: Box) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

  it.each([1024, 800])('at %i px nothing in the mapping editor is cut off or overlapped', async (width) => {
    const view = await openPage(width)
    try {
      await view.getByTestId('tab-mapping').click()
      // The first width adds the field (saved); the next one finds it mapped already.
      await view.getByTestId('field-url').waitFor()
      if ((await view.getByTestId('field-headers').count()) === 0) {
        await view.getByTestId('add-field-select').selectOption('headers')
        await view.getByTestId('add-field').click()
        await view.getByTestId('mode-headers').selectOption('directive')
      }
      await view.getByTestId('field-error-headers').waitFor()

      const editor = await box(view.locator('main > section.editor'))
      const sample = await box(view.getByTestId('sample'))
      const aside = await box(view.locator('main > aside'))
      expect(overlap(editor, sample)).toBe(false)
      expect(overlap(editor, aside)).toBe(false)
      if (width < 900) expect(editor.y).toBeGreaterThanOrEqual(aside.y + aside.height)

      const parts = [
        view.getByTestId('delete-subscription'),
        view.locator('label', { has: view.getByTestId('subscription-enabled') }),
        view.getByTestId('tab-test'),
        ...['url', 'method', 'headers', 'data'].map((key) => view.getByTestId(`field-${key}`)),
        view.getByTestId('value-headers'),
        view.getByTestId('path-picker-data'),
        view.getByTestId('path-input-data')
      ]
      for (const part of parts) expect(inside(await box(part), editor)).toBe(true)
      expect((await box(view.getByTestId('value-headers'))).width).toBeGreaterThan(200)
      expect((await box(view.getByTestId('path-picker-data'))).width).toBeGreaterThan(150)
      const overflow = await view.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow).toBeLessThanOrEqual(0)

      // A value that does not parse shows its own error only, not the previous value's problem too.
      await view.getByTestId('value-headers').fill('{ "a": ')
      await expectText(view.locator('[data-testid="field-headers"] .error'), /^Not valid JSON/)
      expect(await view.getByTestId('field-error-headers').count()).toBe(0)
    } finally {
      await view.close()
    }
  })

  it('points the FQL caret at the error position, not at another position the message names', async () => {
    const view = await openPage(1280)
    try {
      await view.getByTestId('fql-text').fill('(type = "a"')
      await expectText(
        view.getByTestId('fql-error'),
        /to close the "\(" opened at line 1, column 1: at line 1, column 12, found end of input/
      )
      expect(await view.locator('pre.caret').textContent()).toBe('(type = "a"\n' + ' '.repeat(11) + '^')
    } finally {
      await view.close()
    }
  })

  it('waits for required settings before Send, naming them, and keeps settings for the tab', async () => {
    const withRequired = (manifest: Record<string, any>) => {
      manifest.destination.settings.sharedSecret.required = true
      manifest.destination.settings.region = { label: 'Region', type: 'string', required: true, description: 'Where.' }
      manifest.actions.ping = { key: 'ping', title: 'Ping', hasBatchSupport: false, fields: {} }
    }
    const view = await openPage(1280, withRequired)
    try {
      await view.getByTestId('tab-test').click()
      expect(await view.getByTestId('send').isDisabled()).toBe(true)
      await expectText(
        view.getByTestId('missing-settings'),
        'Fill in the required settings first: Shared Secret, Region.'
      )
      await view.getByTestId('setting-region').fill('eu')
      await view.getByTestId('setting-sharedSecret').fill('s3cret')
      await expectCount(view.getByTestId('missing-settings'), 0)
      expect(await view.getByTestId('send').isDisabled()).toBe(false)
      expect(await view.getByTestId('settings-storage-note').textContent()).toContain('Passwords are not kept.')

      // Reload: the region is kept, the password is not (until the box is ticked).
      await view.reload()
      await view.getByTestId('setting-region').waitFor()
      await expectValue(view.getByTestId('setting-region'), 'eu')
      expect(await view.getByTestId('setting-sharedSecret').inputValue()).toBe('')
      await view.getByTestId('keep-passwords').check()
      await view.getByTestId('setting-sharedSecret').fill('s3cret')
      await view.reload()
      await view.getByTestId('setting-region').waitFor()
      await expectValue(view.getByTestId('setting-sharedSecret'), 's3cret')
      expect(await view.getByTestId('keep-passwords').isChecked()).toBe(true)
      expect(await view.evaluate(() => window.localStorage.length)).toBe(0)

      // An action without fields says so on the Mapping tab instead of showing nothing.
      await view.getByTestId('add-subscription-ping').click()
      await view.getByTestId('tab-mapping').click()
      await expectText(view.getByTestId('mapping-no-fields'), /has no fields, so there is nothing to map/)
    } finally {
      await view.close()
    }
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
