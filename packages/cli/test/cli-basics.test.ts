import { execFile } from 'child_process'
import fs from 'fs'
import { stripVTControlCharacters } from 'util'
import { CLI_BIN, runCli } from './helpers/run-cli'
import { makeTempDir, removeDir } from './helpers/temp-dir'

describe('cli basics (no terminal)', () => {
  let dir: string
  beforeAll(() => {
    dir = makeTempDir('basics')
  })
  afterAll(() => removeDir(dir))

  it('prints help listing every command', async () => {
    const result = await runCli(['--help'], dir)
    expect(result.code).toBe(0)
    for (const command of ['init', 'serve', 'validate', 'generate']) expect(result.stdout).toContain(command)
    const generate = await runCli(['generate', '--help'], dir)
    expect(generate.stdout).toContain('generate:action')
    expect(generate.stdout).toContain('generate:types')
  }, 60_000)

  it('help <command> shows that command (the help plugin)', async () => {
    const result = await runCli(['help', 'serve'], dir)
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('$ action-destinations serve')
    expect(result.stdout).toContain('--destination')
    expect(result.stderr).not.toContain('not found')
  }, 60_000)

  it('a mistyped command says so and points at help, exit 127 (the not-found plugin)', async () => {
    const result = await runCli(['serv'], dir)
    expect(result.code).toBe(127)
    expect(result.stderr).toContain('serv is not a action-destinations command.')
    expect(result.stderr).toContain('Run action-destinations help for a list of available commands.')
  }, 60_000)

  // In a terminal the plugin asks "Did you mean …?"; `script` gives the CLI one (stdin at end, so it answers no).
  const withTerminal = fs.existsSync('/usr/bin/script') ? it : it.skip
  withTerminal(
    'in a terminal a mistyped command is answered with "did you mean"',
    async () => {
      const output = await new Promise<string>((resolve) => {
        const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI_BIN)} serv`
        execFile(
          '/usr/bin/script',
          ['-qec', command, '/dev/null'],
          { cwd: dir, timeout: 60_000, env: { ...process.env, ACTION_DESTINATIONS_CLI_SOURCE: '1', NO_COLOR: '1' } },
          (_error, stdout, stderr) => resolve(String(stdout) + String(stderr))
        )
      })
      expect(stripVTControlCharacters(output)).toMatch(/Did you mean serve\?/)
    },
    60_000
  )

  it('prints the version', async () => {
    const result = await runCli(['--version'], dir)
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/@action-destinations\/cli\/\d+\.\d+\.\d+/)
  }, 60_000)

  it('init without --name errors naming the flag instead of prompting', async () => {
    const result = await runCli(['init', '--template', 'minimal'], dir)
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain('Missing --name (stdin is not a terminal')
  }, 60_000)

  it('init without --template errors naming the flag', async () => {
    const result = await runCli(['init', '--name', 'X'], dir)
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain('Missing --template')
  }, 60_000)

  it('init rejects an unknown template and a malformed slug', async () => {
    const template = await runCli(['init', '--name', 'X', '--template', 'fancy'], dir)
    expect(template.code).not.toBe(0)
    expect(template.stderr).toContain('Expected --template=fancy to be one of')
    const slug = await runCli(['init', '--name', 'X', '--slug', 'Bad Slug!', '--template', 'minimal'], dir)
    expect(slug.code).not.toBe(0)
    expect(slug.stderr).toContain('--slug "Bad Slug!"')
    expect(fs.readdirSync(dir)).toEqual(['node_modules'])
  }, 60_000)

  it('generate:action without --path errors naming the flag', async () => {
    const result = await runCli(['generate:action', 'track', 'server'], dir)
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain('Missing --path')
  }, 60_000)

  it('serve rejects a destination that does not exist', async () => {
    const result = await runCli(['serve', '--destination', './nowhere', '--port', '0'], dir)
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain('--destination "./nowhere": no destination found')
  }, 60_000)
})
