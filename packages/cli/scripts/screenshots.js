#!/usr/bin/env node
// Saves screenshots of the Actions Tester's main views into docs/images/ for the README.
// Serves the Webhook destination in-process on 127.0.0.1 with a local fake API, drives Debian's
// chromium through scripts/launch-chromium.js, and leaves no file behind in the destination folder.
// Run after `yarn build`: node packages/cli/scripts/screenshots.js
const fs = require('fs')
const http = require('http')
const os = require('os')
const path = require('path')

const REPO = path.join(__dirname, '..', '..', '..')
const OUT = path.join(REPO, 'docs', 'images')
const WEBHOOK = path.join(REPO, 'packages', 'destination-actions', 'src', 'destinations', 'webhook', 'index.ts')

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)))
}

async function main() {
  require('tsx/cjs/api').register()
  const { ensureWebBundle } = require('./bundle-web')
  const { createServer } = require('../src/lib/server/create-server')
  const { openLiveDestination } = require('../src/lib/server/live-destination')
  const { loadMappingValidator } = require('../src/lib/core-runtime')
  const { launchChromium } = require(path.join(REPO, 'scripts', 'launch-chromium'))
  ensureWebBundle()

  const fakeApi = http.createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ received: true }))
    })
  })
  const apiPort = await listen(fakeApi)
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'tester-shots-'))
  fs.mkdirSync(path.join(temp, 'webhook'))
  const live = await openLiveDestination(WEBHOOK, { watch: false })
  const app = createServer({
    destination: () => live.current(),
    validateMapping: loadMappingValidator(),
    // Shown in the header as "saved to webhook/.tester-subscriptions.json", like a real session.
    subscriptionsFile: path.join(temp, 'webhook', '.tester-subscriptions.json')
  })
  const server = http.createServer(app)
  const port = await listen(server)

  const browser = await launchChromium()
  try {
    // A laptop's width; the last shot shows the two-column layout below 1280 px.
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } })
    await page.goto(`http://127.0.0.1:${port}/`)
    await page.getByTestId('setting-sharedSecret').fill('s3cret')
    await page.getByTestId('add-subscription-send').click()
    await page.getByTestId('subscription-name').fill('Orders to webhook')
    await page.getByTestId('subscription-name').press('Enter')
    await page.getByTestId('group-operator').selectOption('ANY')
    await page.getByTestId('add-condition-event-property').click()
    await page.getByTestId('condition-5-property').fill('properties.total')
    await page.getByTestId('condition-5-operator').selectOption('greater_than')
    await page.getByTestId('condition-5-value').fill('40')
    fs.mkdirSync(OUT, { recursive: true })
    await page.screenshot({ path: path.join(OUT, 'tester-subscriptions.png') })

    await page.getByTestId('tab-mapping').click()
    await page.getByTestId('value-url').fill(`http://127.0.0.1:${apiPort}/hook`)
    await page.getByTestId('path-picker-data').selectOption('$.properties')
    await page.waitForTimeout(400)
    await page.screenshot({ path: path.join(OUT, 'tester-mapping.png') })

    await page.getByTestId('tab-test').click()
    await page.getByTestId('test-mapping').click()
    await page.getByTestId('resolved-payload').waitFor()
    await page.getByTestId('send').click()
    await page.getByTestId('exchange-0').waitFor()
    await page.screenshot({ path: path.join(OUT, 'tester-send.png'), fullPage: true })

    await page.setViewportSize({ width: 1024, height: 760 })
    await page.getByTestId('tab-mapping').click()
    await page.waitForTimeout(400)
    await page.screenshot({ path: path.join(OUT, 'tester-1024.png') })
  } finally {
    await browser.close()
    await new Promise((resolve) => server.close(resolve))
    await new Promise((resolve) => fakeApi.close(resolve))
    await live.close()
    fs.rmSync(temp, { recursive: true, force: true })
  }
  console.log(`screenshots written to ${path.relative(process.cwd(), OUT)}`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
