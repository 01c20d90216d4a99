// Jest transform for TypeScript through esbuild: strips types file by file (the type check is
// `tsc -b`, which `yarn test` runs first) and emits CommonJS like tsc does with the repo's settings.
// Measured against ts-jest in packages/cli/README.md ("the jest transform").
const crypto = require('crypto')
const path = require('path')
const { transformSync } = require('esbuild')
const esbuildVersion = require('esbuild/package.json').version

// The compiler options of tsconfig.base.json that change emitted JavaScript.
const TSCONFIG_RAW = {
  compilerOptions: {
    // ES2021 target: class fields are assigned in the constructor, as tsc emits them.
    useDefineForClassFields: false,
    esModuleInterop: true,
    jsx: 'react-jsx',
    jsxImportSource: 'preact'
  }
}
const OPTIONS = {
  format: 'cjs',
  target: 'es2021',
  platform: 'node',
  sourcemap: 'external',
  sourcesContent: false,
  // import() becomes require() as tsc emits it for CommonJS: jest's module registry sees it (no VM modules flag).
  supported: { 'dynamic-import': false },
  tsconfigRaw: TSCONFIG_RAW
}
const CONFIG_KEY = JSON.stringify({ esbuildVersion, OPTIONS, self: 1 })

module.exports = {
  process(source, filename) {
    const loader = path.extname(filename).slice(1)
    const result = transformSync(source, {
      ...OPTIONS,
      loader: ['ts', 'tsx', 'js', 'jsx', 'mts', 'cts'].includes(loader) ? loader.replace(/^[mc]/, '') : 'ts',
      sourcefile: filename
    })
    return { code: result.code, map: result.map }
  },
  getCacheKey(source, filename) {
    return crypto
      .createHash('sha1')
      .update(CONFIG_KEY)
      .update('\0')
      .update(filename)
      .update('\0')
      .update(source)
      .digest('hex')
  }
}
