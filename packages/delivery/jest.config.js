// The delivery package's jest project: the root config's settings for a package, plus a global
// setup that starts the tests' own PostgreSQL cluster (test/helpers/postgres-cluster.js).
const { transformFor } = require('../../scripts/jest-transform')

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'delivery',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/__tests__/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  transform: {
    '^.+\\.tsx?$': transformFor(__dirname)
  },
  globalSetup: '<rootDir>/test/helpers/postgres-global-setup.js',
  globalTeardown: '<rootDir>/test/helpers/postgres-global-teardown.js'
}
