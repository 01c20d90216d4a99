#!/usr/bin/env node
// Browser end-to-end tests drive Debian's Chromium through playwright-core (never a browser
// download). This makes sure /usr/bin/chromium exists before the tests run, installing the
// Debian package when the machine lacks it.
const { execFileSync } = require('child_process')
const fs = require('fs')

const CHROMIUM = '/usr/bin/chromium'

function run(command, args) {
  execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
}

function installWith(prefix) {
  const [command, ...args] = [...prefix, 'apt-get']
  run(command, [...args, 'update', '-qq'])
  run(command, [...args, 'install', '-y', '-qq', 'chromium'])
}

if (fs.existsSync(CHROMIUM)) process.exit(0)

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
try {
  console.log(`ensure-chromium: ${CHROMIUM} is missing; installing Debian's chromium package`)
  installWith(isRoot ? [] : ['sudo', '-n'])
} catch (error) {
  console.error(
    `ensure-chromium: could not install chromium (${error.message}).\n` +
      `The browser end-to-end tests need ${CHROMIUM}: run "apt-get install chromium" as root, then try again.`
  )
  process.exit(1)
}
if (!fs.existsSync(CHROMIUM)) {
  console.error(`ensure-chromium: the chromium package installed, but ${CHROMIUM} is still missing`)
  process.exit(1)
}
