#!/usr/bin/env node
// Bundles the Actions Tester page (web/) into dist/web: index.html, assets/app.js, assets/app.css,
// and the delivery console (web/src/console) into dist/console: index.html, assets/console.js,
// assets/console.css. Everything is local, so both work offline. `--no-typecheck` skips
// `tsc --noEmit` (tests use it).
const { execFileSync } = require('child_process')
const fs = require('fs')
const path = require('path')

const PACKAGE_DIR = path.join(__dirname, '..')
const WEB_DIR = path.join(PACKAGE_DIR, 'web')
const OUT_DIR = path.join(PACKAGE_DIR, 'dist', 'web')
const CONSOLE_OUT_DIR = path.join(PACKAGE_DIR, 'dist', 'console')

const SCRIPT_OPTIONS = {
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome100', 'firefox100', 'safari15'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  minify: true,
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning'
}

function typecheck() {
  const tsc = require.resolve('typescript/bin/tsc')
  // A type error in the page fails the build here.
  execFileSync(process.execPath, [tsc, '--noEmit', '-p', path.join(WEB_DIR, 'tsconfig.json')], { stdio: 'inherit' })
}

/** Builds the page; returns the folder it wrote. */
function bundleWeb({ typeCheck = true } = {}) {
  if (typeCheck) typecheck()
  const esbuild = require('esbuild')
  fs.mkdirSync(path.join(OUT_DIR, 'assets'), { recursive: true })
  esbuild.buildSync({
    ...SCRIPT_OPTIONS,
    entryPoints: { app: path.join(WEB_DIR, 'src', 'main.tsx') },
    outdir: path.join(OUT_DIR, 'assets')
  })
  esbuild.buildSync({
    entryPoints: { app: path.join(WEB_DIR, 'src', 'style.css') },
    bundle: true,
    outdir: path.join(OUT_DIR, 'assets'),
    minify: true,
    logLevel: 'warning'
  })
  fs.copyFileSync(path.join(WEB_DIR, 'index.html'), path.join(OUT_DIR, 'index.html'))
  bundleConsole(esbuild)
  return OUT_DIR
}

/** The delivery console: same components, its own entry, served by `deliver` at /. */
function bundleConsole(esbuild) {
  const assets = path.join(CONSOLE_OUT_DIR, 'assets')
  fs.mkdirSync(assets, { recursive: true })
  esbuild.buildSync({
    ...SCRIPT_OPTIONS,
    entryPoints: { console: path.join(WEB_DIR, 'src', 'console', 'main.tsx') },
    outdir: assets
  })
  esbuild.buildSync({
    entryPoints: { console: path.join(WEB_DIR, 'src', 'console', 'console.css') },
    bundle: true,
    outdir: assets,
    minify: true,
    logLevel: 'warning'
  })
  fs.copyFileSync(path.join(WEB_DIR, 'console', 'index.html'), path.join(CONSOLE_OUT_DIR, 'index.html'))
}

/** Newest modification time under a folder, to tell whether dist/web is older than its sources. */
function newestMtime(dir) {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    const time = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs
    if (time > newest) newest = time
  }
  return newest
}

/** Bundles only when dist/web is missing or older than web/ (for tests run on their own). */
function ensureWebBundle() {
  const built = [path.join(OUT_DIR, 'assets', 'app.js'), path.join(CONSOLE_OUT_DIR, 'assets', 'console.js')]
  const newest = newestMtime(WEB_DIR)
  if (built.every((file) => fs.existsSync(file) && fs.statSync(file).mtimeMs >= newest)) return OUT_DIR
  return bundleWeb({ typeCheck: false })
}

module.exports = { bundleWeb, ensureWebBundle, OUT_DIR, CONSOLE_OUT_DIR }

if (require.main === module) {
  bundleWeb({ typeCheck: !process.argv.includes('--no-typecheck') })
}
