// The TypeScript transform every jest project uses: esbuild strips types (scripts/jest-esbuild-transform.js),
// since `tsc -b` checks them before jest in `yarn test`. JEST_TRANSFORM=ts-jest brings back ts-jest to compare.
const path = require('path')

/** The transform entry for a package whose tsconfig.json is in `rootDir`. */
function transformFor(rootDir) {
  return process.env.JEST_TRANSFORM === 'ts-jest'
    ? ['ts-jest', { tsconfig: path.join(rootDir, 'tsconfig.json'), diagnostics: false }]
    : [path.join(__dirname, 'jest-esbuild-transform.js')]
}

module.exports = { transformFor }
