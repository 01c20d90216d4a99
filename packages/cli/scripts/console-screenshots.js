#!/usr/bin/env node
// Saves screenshots of each view of the delivery console into docs/images/console-*.png for the
// README. They are taken by the console's end-to-end test (a running engine, analytics-node
// events, a fake partner API on 127.0.0.1, headless Chromium at 1024 px), which saves one per view
// when CONSOLE_SCREENSHOTS names a folder. Run after `yarn build`: node packages/cli/scripts/console-screenshots.js
const { execFileSync } = require('child_process')
const fs = require('fs')
const path = require('path')

const REPO = path.join(__dirname, '..', '..', '..')
const OUT = path.join(REPO, 'docs', 'images')

fs.mkdirSync(OUT, { recursive: true })
execFileSync(
  process.execPath,
  [require.resolve('jest/bin/jest', { paths: [REPO] }), path.join('packages', 'cli', 'test', 'console.e2e.test.ts')],
  { cwd: REPO, stdio: 'inherit', env: { ...process.env, CONSOLE_SCREENSHOTS: OUT } }
)
const saved = fs.readdirSync(OUT).filter((name) => name.startsWith('console-') && name.endsWith('.png'))
console.log(`Saved ${saved.length} screenshots in ${path.relative(process.cwd(), OUT) || '.'}: ${saved.join(', ')}`)
