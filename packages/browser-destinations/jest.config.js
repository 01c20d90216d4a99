// Unit tests run in jsdom (the runtime and destinations touch `document` and `window`);
// the end-to-end test opts into node with a `@jest-environment node` docblock and drives chromium.
const { transformFor } = require('../../scripts/jest-transform')

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'browser-destinations',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/__tests__/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  transform: {
    // The repo's transform, as in the root jest.config.js.
    '^.+\\.tsx?$': transformFor(__dirname)
  }
}
