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

describe('init, generate:action, generate:types end to end', () => {
  let dir: string
  let folder: string
  beforeAll(() => {
    dir = makeTempDir('scaffold')
    folder = path.join(dir, 'destinations', 'test-dest')
  })
  afterAll(() => removeDir(dir))

  it('init scaffolds a destination with types and a snapshot test', async () => {
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
        'destinations'
      ],
      dir
    )
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const index = fs.readFileSync(path.join(folder, 'index.ts'), 'utf8')
    expect(index).toContain("name: 'Test Dest'")
    expect(index).toContain("slug: 'actions-test-dest'")
    const types = fs.readFileSync(path.join(folder, 'generated-types.ts'), 'utf8')
    expect(types.startsWith('// Generated file. DO NOT MODIFY IT BY HAND.\n')).toBe(true)
    expect(types).toContain('export interface Settings {')
    expect(types).toContain('apiKey: string')
    expect(fs.existsSync(path.join(folder, '__tests__', 'snapshot.test.ts'))).toBe(true)
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
        'destinations'
      ],
      dir
    )
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain('already exists')
  }, 120_000)

  it('generate:action adds the folder, the test, the registration and the types', async () => {
    const result = await runCli(
      ['generate:action', 'trackEvent', 'server', '--path', 'destinations/test-dest', '--title', 'Track Event'],
      dir
    )
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
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
    const field =
      "fields: {\n    eventName: { label: 'Event Name', description: 'Name of the event.', type: 'string', required: true }\n  },"
    fs.writeFileSync(actionFile, fs.readFileSync(actionFile, 'utf8').replace('fields: {},', field))
    const before = fs.readFileSync(typesFile, 'utf8')

    const check = await runCli(['generate:types', '--check', '--path', 'destinations/*/index.ts'], dir)
    expect(check.code).toBe(1)
    expect(check.stderr).toContain(path.join('destinations', 'test-dest', 'trackEvent', 'generated-types.ts'))
    expect(check.stderr).not.toContain(path.join('test-dest', 'generated-types.ts\n'))
    expect(fs.readFileSync(typesFile, 'utf8')).toBe(before)

    const write = await runCli(['generate:types', '--path', 'destinations/*/index.ts'], dir)
    expect(write.code).toBe(0)
    expect(fs.readFileSync(typesFile, 'utf8')).toContain('eventName: string')
    const again = await runCli(['generate:types', '--check', '--path', 'destinations/*/index.ts'], dir)
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('up to date')
  }, 120_000)

  it('the scaffolded destination builds with tsc and its jest tests pass', async () => {
    fs.writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: path.join(REPO_ROOT, 'tsconfig.base.json'),
        compilerOptions: {
          composite: false,
          declaration: false,
          declarationMap: false,
          outDir: 'dist',
          rootDir: '.',
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
    expect(fs.existsSync(path.join(dir, 'dist', 'destinations', 'test-dest', 'index.js'))).toBe(true)

    const config = {
      rootDir: dir,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/destinations/**/__tests__/**/*.test.ts'],
      transform: {
        '^.+\\.ts$': [require.resolve('ts-jest'), { tsconfig: path.join(dir, 'tsconfig.json'), diagnostics: false }]
      }
    }
    const jestBin = path.join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js')
    const args = ['--config', JSON.stringify(config), '--no-ci', '--watchman=false']
    const first = await run(jestBin, args, dir)
    expect(first.stderr).toContain('Tests:')
    expect(first.code).toBe(0)
    // The second run compares against the snapshots the first one wrote.
    const second = await run(jestBin, [...args, '--ci'], dir)
    expect(second.code).toBe(0)
    expect(second.stderr).toMatch(/Snapshots:\s+\d+ passed/)
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
  }, 240_000)
})
