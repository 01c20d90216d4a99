#!/usr/bin/env node
// The delivery engine's tests start a PostgreSQL cluster of their own from Debian's server
// binaries (/usr/lib/postgresql/<version>/bin). This makes sure they exist before the tests
// run, installing Debian's postgresql package when the machine lacks it (never a download).
const { execFileSync } = require('child_process')
const fs = require('fs')
const path = require('path')

const ROOT = '/usr/lib/postgresql'

function hasInitdb() {
  if (!fs.existsSync(ROOT)) return false
  return fs.readdirSync(ROOT).some((version) => fs.existsSync(path.join(ROOT, version, 'bin', 'initdb')))
}

function run(command, args) {
  execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
}

function installWith(prefix) {
  const [command, ...args] = [...prefix, 'apt-get']
  run(command, [...args, 'update', '-qq'])
  run(command, [...args, 'install', '-y', '-qq', 'postgresql'])
}

if (hasInitdb()) process.exit(0)

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
try {
  console.log(`ensure-postgres: no initdb under ${ROOT}/*/bin; installing Debian's postgresql package`)
  installWith(isRoot ? [] : ['sudo', '-n'])
} catch (error) {
  console.error(
    `ensure-postgres: could not install postgresql (${error.message}).\n` +
      `The delivery engine's tests need PostgreSQL's server programs: run "apt-get install postgresql" as root, then try again.`
  )
  process.exit(1)
}
if (!hasInitdb()) {
  console.error(`ensure-postgres: the postgresql package installed, but there is still no initdb under ${ROOT}/*/bin`)
  process.exit(1)
}
