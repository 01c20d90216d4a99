import { execFile } from 'child_process'
import fs from 'fs'
import path from 'path'
import { runCli, type CliResult } from './helpers/run-cli'
import { makeTempDir, removeDir, REPO_ROOT } from './helpers/temp-dir'

// init -> generate:action -> generate:types (--check) -> tsc -> the scaffolded jest tests, all in a temp folder.

function run(file: string, args: string[], cwd: string, timeoutMs = 120_000): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [file, ...args],
      { cwd, timeout: timeoutMs, env: { ...process.env, FORCE_COLOR: '0' } },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          stdout: String(stdout),
          stderr: String(stderr)
        })
    )
  })
}

const DESTINATION_ACTIONS_SRC = path.join(REPO_ROOT, 'packages', 'destination-actions', 'src')

/**
 * A copy of the destinations package's layout in `dir`: the registry, its test and the snapshot helper
 * (copied or linked from the repo), and the existing destination folders as links so the registry imports resolve.
 */
function makeDestinationsPackage(dir: string): string {
  const src = path.join(dir, 'src')
  const destinations = path.join(src, 'destinations')
  fs.mkdirSync(path.join(src, '__tests__'), { recursive: true })
  fs.mkdirSync(destinations)
  fs.copyFileSync(path.join(DESTINATION_ACTIONS_SRC, 'index.ts'), path.join(src, 'index.ts'))
  fs.copyFileSync(
    path.join(DESTINATION_ACTIONS_SRC, '__tests__', 'registry.test.ts'),
    path.join(src, '__tests__', 'registry.test.ts')
  )
  fs.symlinkSync(path.join(DESTINATION_ACTIONS_SRC, 'test-utils'), path.join(src, 'test-utils'), 'dir')
  const real = path.join(DESTINATION_ACTIONS_SRC, 'destinations')
  fs.copyFileSync(path.join(real, 'index.ts'), path.join(destinations, 'index.ts'))
  for (const entry of fs.readdirSync(real, { withFileTypes: true })) {
    if (entry.isDirectory()) fs.symlinkSync(path.join(real, entry.name), path.join(destinations, entry.name), 'dir')
  }
  return destinations
}

describe('init, generate:action, generate:types end to end in a destinations package', () => {
  let dir: string
  let folder: string
  let registryId = ''
  beforeAll(() => {
    dir = makeTempDir('scaffold')
    folder = path.join(makeDestinationsPackage(dir), 'test-dest')
  })
  afterAll(() => removeDir(dir))

  it('init scaffolds a destination with types and a snapshot test, and registers it with a fresh id', async () => {
    const registry = path.join(dir, 'src', 'destinations', 'index.ts')
    const before = fs.readFileSync(registry, 'utf8')
    const result = await runCli(
      [
        'init',
        '--name',
        'Test Dest',
        '--slug',
        'actions-test-dest',
        '--template',
        'custom-auth',
        '--directory',
        'src/destinations'
      ],
      dir
    )
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const index = fs.readFileSync(path.join(folder, 'index.ts'), 'utf8')
    expect(index).toContain("name: 'Test Dest'")
    expect(index).toContain("slug: 'actions-test-dest'")
    expect(index).toContain("throw new Error(\n        'testAuthentication is not written yet: edit test-dest/index.ts")
    const types = fs.readFileSync(path.join(folder, 'generated-types.ts'), 'utf8')
    expect(types.startsWith('// Generated file. DO NOT MODIFY IT BY HAND.\n')).toBe(true)
    expect(types).toContain('export interface Settings {')
    expect(types).toContain('apiKey: string')
    const snapshotTest = fs.readFileSync(path.join(folder, '__tests__', 'snapshot.test.ts'), 'utf8')
    expect(snapshotTest).toContain("import { describeSnapshots } from '../../../test-utils/snapshot'")
    expect(snapshotTest).toContain('--ci=false')

    const match = /registered test-dest in src\/destinations\/index\.ts with id ([0-9a-f]{24})/.exec(result.stdout)
    expect(match).not.toBeNull()
    registryId = (match as RegExpExecArray)[1]
    const after = fs.readFileSync(registry, 'utf8')
    expect(after).toContain("import testDest from './test-dest'")
    expect(after).toContain(`['${registryId}', 'test-dest', testDest]`)
    expect(before).not.toContain(registryId)
  }, 120_000)

  it('init refuses to overwrite an existing destination', async () => {
    const result = await runCli(
      [
        'init',
        '--name',
        'Test Dest',
        '--slug',
        'actions-test-dest',
        '--template',
        'minimal',
        '--directory',
        'src/destinations'
      ],
      dir
    )
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain('already exists')
  }, 120_000)

  it('generate:action adds the folder, the test, the registration and the types', async () => {
    const result = await runCli(
      ['generate:action', 'trackEvent', 'server', '--path', 'src/destinations/test-dest', '--title', 'Track Event'],
      dir
    )
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    // Registered once, by init.
    expect(result.stdout).not.toContain('registered test-dest')
    const index = fs.readFileSync(path.join(folder, 'index.ts'), 'utf8')
    expect(index).toContain("import trackEvent from './trackEvent'")
    expect(index).toMatch(/actions: \{\s+trackEvent\s+\}/)
    expect(fs.readFileSync(path.join(folder, 'trackEvent', 'index.ts'), 'utf8')).toContain("title: 'Track Event'")
    expect(fs.existsSync(path.join(folder, 'trackEvent', '__tests__', 'index.test.ts'))).toBe(true)
    expect(fs.readFileSync(path.join(folder, 'trackEvent', 'generated-types.ts'), 'utf8')).toContain(
      'export interface Payload {}'
    )
  }, 120_000)

  it('generate:types --check finds a stale file and writes nothing; generate:types fixes it', async () => {
    const actionFile = path.join(folder, 'trackEvent', 'index.ts')
    const typesFile = path.join(folder, 'trackEvent', 'generated-types.ts')
    const glob = 'src/destinations/test-dest/index.ts'
    const field =
      "fields: {\n    eventName: { label: 'Event Name', description: 'Name of the event.', type: 'string', required: true }\n  },"
    fs.writeFileSync(actionFile, fs.readFileSync(actionFile, 'utf8').replace('fields: {},', field))
    const before = fs.readFileSync(typesFile, 'utf8')

    const check = await runCli(['generate:types', '--check', '--path', glob], dir)
    expect(check.code).toBe(1)
    expect(check.stderr).toContain(path.join('test-dest', 'trackEvent', 'generated-types.ts'))
    expect(check.stderr).not.toContain(path.join('test-dest', 'generated-types.ts\n'))
    expect(fs.readFileSync(typesFile, 'utf8')).toBe(before)

    const write = await runCli(['generate:types', '--path', glob], dir)
    expect(write.code).toBe(0)
    expect(fs.readFileSync(typesFile, 'utf8')).toContain('eventName: string')
    const again = await runCli(['generate:types', '--check', '--path', glob], dir)
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('up to date')
  }, 120_000)

  it('with a format: uri setting, the destination builds and its tests and the registry test pass under --ci', async () => {
    // The commonest first step: an endpoint URL setting, and an action that posts to it.
    const entry = path.join(folder, 'index.ts')
    const endpoint =
      "endpoint: { label: 'Endpoint', description: 'Base URL of the API.', type: 'string', format: 'uri', required: true },\n      apiKey: {"
    fs.writeFileSync(entry, fs.readFileSync(entry, 'utf8').replace('apiKey: {', endpoint))
    const actionFile = path.join(folder, 'trackEvent', 'index.ts')
    const perform =
      "perform: (request, { settings, payload }) => request(`${settings.endpoint}/track`, { method: 'post', json: payload })"
    const action = fs.readFileSync(actionFile, 'utf8')
    fs.writeFileSync(actionFile, action.replace(/perform: \(request, data\) => \{[\s\S]*?\n {2}\}/, perform))
    const types = await runCli(['generate:types', '--path', 'src/destinations/test-dest/index.ts'], dir)
    expect(types.code).toBe(0)

    fs.writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: path.join(REPO_ROOT, 'tsconfig.base.json'),
        compilerOptions: {
          composite: false,
          declaration: false,
          declarationMap: false,
          noEmit: true,
          types: ['jest', 'node']
        },
        include: ['src/destinations/test-dest']
      })
    )
    const tsc = await run(
      path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
      ['-p', 'tsconfig.json'],
      dir
    )
    expect(tsc.stdout + tsc.stderr).toBe('')
    expect(tsc.code).toBe(0)

    const config = {
      rootDir: dir,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/src/**/__tests__/**/*.test.ts'],
      transform: {
        '^.+\\.ts$': [require.resolve('ts-jest'), { tsconfig: path.join(dir, 'tsconfig.json'), diagnostics: false }]
      }
    }
    const jestBin = path.join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js')
    const args = ['--config', JSON.stringify(config), '--watchman=false']
    // As the scaffolded test says: the first run without --ci writes the snapshots.
    const first = await run(jestBin, [...args, '--ci=false'], dir)
    expect(first.stderr).toMatch(/Snapshots:\s+2 written/)
    expect(first.code).toBe(0)
    const snapshots = fs.readFileSync(path.join(folder, '__tests__', '__snapshots__', 'snapshot.test.ts.snap'), 'utf8')
    expect(snapshots).toMatch(/"url": "[a-z0-9.-]+\/track"/)
    // `yarn test` runs jest --ci: the registry test (new folder included) and the snapshots pass.
    const second = await run(jestBin, [...args, '--ci', '--verbose'], dir)
    expect(second.stderr).toContain('registers the folder test-dest')
    expect(second.stderr).toMatch(/Snapshots:\s+2 passed/)
    expect(second.code).toBe(0)
  }, 240_000)
})

describe('every cloud template', () => {
  let dir: string
  beforeAll(() => {
    dir = makeTempDir('templates')
  })
  afterAll(() => removeDir(dir))

  it('scaffolds a destination that type-checks', async () => {
    const templates = ['minimal', 'custom-auth', 'basic-auth', 'oauth2-auth', 'audience-custom-auth', 'audience-oauth2']
    for (const template of templates) {
      const result = await runCli(
        ['init', '--name', `T ${template}`, '--template', template, '--directory', 'destinations'],
        dir
      )
      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)
    }
    const audienceTypes = fs.readFileSync(
      path.join(dir, 'destinations', 't-audience-oauth2', 'generated-types.ts'),
      'utf8'
    )
    expect(audienceTypes).toContain('export interface AudienceSettings {')
    fs.writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: path.join(REPO_ROOT, 'tsconfig.base.json'),
        compilerOptions: {
          composite: false,
          declaration: false,
          declarationMap: false,
          noEmit: true,
          types: ['jest', 'node']
        },
        include: ['destinations']
      })
    )
    const tsc = await run(
      path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
      ['-p', 'tsconfig.json'],
      dir
    )
    expect(tsc.stdout + tsc.stderr).toBe('')
    expect(tsc.code).toBe(0)
    // Outside a destinations package the snapshot test carries its own sample generator.
    const standalone = fs.readFileSync(
      path.join(dir, 'destinations', 't-minimal', '__tests__', 'snapshot.test.ts'),
      'utf8'
    )
    expect(standalone).toContain("case 'uri':")
  }, 240_000)

  it('generate:action registers a destination that a registry does not list yet', async () => {
    const registry = path.join(dir, 'destinations', 'index.ts')
    fs.writeFileSync(
      registry,
      'const manifestEntries: Array<[string, string, unknown]> = []\nexport default manifestEntries\n'
    )
    const result = await runCli(['generate:action', 'send', 'server', '--path', 'destinations/t-minimal'], dir)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/registered t-minimal in destinations\/index\.ts with id [0-9a-f]{24}/)
    expect(fs.readFileSync(registry, 'utf8')).toMatch(
      /import tMinimal from '\.\/t-minimal'\n[\s\S]*\['[0-9a-f]{24}', 't-minimal', tMinimal\]/
    )
  }, 120_000)
})
