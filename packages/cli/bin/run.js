#!/usr/bin/env node
// oclif entry: runs the compiled commands, or the TypeScript sources through tsx when the package is not built.
const fs = require('fs')
const path = require('path')

const root = path.join(__dirname, '..')
const built = fs.existsSync(path.join(root, 'dist', 'commands'))

void (async () => {
  const oclif = require('@oclif/core')
  if (!built) require('tsx/cjs/api').register()
  try {
    await oclif.execute({ development: !built, dir: __dirname })
  } catch (error) {
    await oclif.handle(error)
  }
})()
