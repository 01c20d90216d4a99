#!/usr/bin/env node
// After `tsc -b`, runs the `bundle` script of every workspace package that has one (browser
// bundles, the serve web page). Plain yarn 1: lerna/Nx finds no packages in some checkouts.
const { execFileSync } = require('child_process')
const fs = require('fs')
const path = require('path')

const packagesDir = path.join(__dirname, '..', 'packages')
for (const folder of fs.readdirSync(packagesDir).sort()) {
  const manifestPath = path.join(packagesDir, folder, 'package.json')
  if (!fs.existsSync(manifestPath)) continue
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'))
  if (!manifest.scripts || !manifest.scripts.bundle) continue
  console.log(`bundle: ${manifest.name}`)
  execFileSync('npm', ['run', '--silent', 'bundle'], { cwd: path.join(packagesDir, folder), stdio: 'inherit' })
}
