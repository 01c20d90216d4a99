// One jest run over every package: each package folder becomes a jest project.
const fs = require('fs')
const path = require('path')

const packagesDir = path.join(__dirname, 'packages')

const { transformFor } = require('./scripts/jest-transform')

function projectFor(name) {
  const rootDir = path.join(packagesDir, name)
  const own = path.join(rootDir, 'jest.config.js')
  // A package with special needs (jsdom, browser e2e) keeps its own config.
  if (fs.existsSync(own)) return own
  return {
    displayName: name,
    rootDir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/src/**/__tests__/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    modulePathIgnorePatterns: ['<rootDir>/dist/'],
    transform: {
      '^.+\\.tsx?$': transformFor(rootDir)
    }
  }
}

/** @type {import('jest').Config} */
module.exports = {
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
  projects: fs
    .readdirSync(packagesDir)
    .filter((name) => fs.existsSync(path.join(packagesDir, name, 'package.json')))
    .map(projectFor)
}
