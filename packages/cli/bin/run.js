#!/usr/bin/env node
// oclif entry: runs the compiled commands, or the TypeScript sources through tsx when the package
// is not built (or when ACTION_DESTINATIONS_CLI_SOURCE=1, so tests never run a stale build).
const fs = require('fs')
const path = require('path')

const root = path.join(__dirname, '..')
const fromSource =
  process.env.ACTION_DESTINATIONS_CLI_SOURCE === '1' || !fs.existsSync(path.join(root, 'dist', 'commands'))

void (async () => {
  const oclif = require('@oclif/core')
  if (fromSource) {
    // Both hooks: commands are required, and their lazy `import()`s go through Node's ESM loader.
    require('tsx/cjs/api').register()
    await import('tsx/esm/api').then((tsx) => tsx.register())
  }
  try {
    await oclif.execute({ development: fromSource, dir: __dirname })
  } catch (error) {
    await oclif.handle(error)
  }
})()
