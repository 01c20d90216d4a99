// Unit tests run in jsdom (the runtime and destinations touch `document` and `window`);
// the end-to-end test opts into node with a `@jest-environment node` docblock and drives chromium.
const path = require('path')

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'browser-destinations',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/__tests__/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  transform: {
    // The repo's esbuild transform, as in the root jest.config.js; JEST_TRANSFORM=ts-jest to compare.
    '^.+\\.tsx?$':
      process.env.JEST_TRANSFORM === 'ts-jest'
        ? ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.json'), diagnostics: false }]
        : [path.join(__dirname, '..', '..', 'scripts', 'jest-esbuild-transform.js')]
  }
}
