// Starts Debian's headless Chromium for end-to-end tests, with the flags this sandboxed,
// offline machine needs (no sandbox as root, no background connections to Google's hosts).
// playwright gives every launch a fresh, empty profile directory of its own.
const fs = require('fs')
const { chromium } = require('playwright-core')

const CHROMIUM = '/usr/bin/chromium'

/** @returns {Promise<import('playwright-core').Browser>} */
async function launchChromium() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run "node scripts/ensure-chromium.js" (yarn test does) first`)
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  })
}

module.exports = { launchChromium, CHROMIUM }
