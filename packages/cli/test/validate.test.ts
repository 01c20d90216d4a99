import fs from 'fs'
import path from 'path'
import { checkDefinition } from '../src/lib/validate/check-definition'
import { loadFqlChecker } from '../src/lib/validate/fql-checker'
import type { DefinitionLike } from '../src/lib/definition-types'
import { runCli } from './helpers/run-cli'
import { makeTempDir, removeDir } from './helpers/temp-dir'

const parseFql = loadFqlChecker()

const good: DefinitionLike = {
  name: 'Good',
  description: 'A fine destination.',
  authentication: { scheme: 'custom', fields: { apiKey: { label: 'API Key', description: 'Key.', type: 'password' } } },
  presets: [
    { name: 'Track', partnerAction: 'send', subscribe: 'type = "track"', type: 'automatic', mapping: { id: 'x' } }
  ],
  actions: {
    send: {
      title: 'Send',
      description: 'Sends.',
      defaultSubscription: 'type = "track"',
      fields: {
        id: { label: 'Id', description: 'The id.', type: 'string' },
        batch_keys: { label: 'Keys', description: 'Batch keys.', type: 'string', multiple: true, default: ['id'] }
      }
    }
  }
}

// Bad on purpose: every check should find something here.
const BAD_FIXTURE = `const destination = {
  name: 'Broken',
  authentication: {
    scheme: 'custom',
    fields: {
      apiToken: { label: 'Token', description: 'Token.', type: 'string' },
      region: { label: 'Region', type: 'string' }
    }
  },
  presets: [
    { name: 'Ghost', partnerAction: 'nope', subscribe: 'type = "track"', type: 'automatic' },
    { name: 'Bad map', partnerAction: 'send', subscribe: 'type = "track"', type: 'automatic', mapping: { missing: 'x' } }
  ],
  actions: {
    send: {
      title: 'Send',
      defaultSubscription: 'type = = "track"',
      fields: {
        id: { label: 'Id', type: 'string' },
        batch_keys: { label: 'Keys', description: 'Batch keys.', type: 'string', required: true, default: ['nothere'] }
      },
      perform: () => undefined
    }
  }
}
export default destination
`

describe('validate checks', () => {
  it('passes a sound definition', () => {
    expect(checkDefinition(good, parseFql)).toEqual([])
  })

  it('flags a destination without actions', () => {
    const issues = checkDefinition({ ...good, actions: {}, presets: [] }, parseFql)
    expect(issues).toEqual([
      {
        level: 'warning',
        destination: 'Good',
        message: 'the destination has no actions yet; add one with ./bin/run generate:action'
      }
    ])
  })

  it('warns about a secret-looking setting typed string, unless its description says it is public', () => {
    const withSetting = (description: string) =>
      checkDefinition(
        {
          ...good,
          authentication: {
            scheme: 'custom',
            fields: { projectToken: { label: 'Token', description, type: 'string' } }
          }
        },
        parseFql
      )
    expect(withSetting('The project token.')).toEqual([
      expect.objectContaining({ level: 'warning', field: 'projectToken', message: expect.stringContaining('password') })
    ])
    expect(withSetting('The project token, a public identifier.')).toEqual([])
  })

  it('warns (only) about a missing destination description', () => {
    const issues = checkDefinition({ ...good, description: undefined }, parseFql)
    expect(issues.map((issue) => issue.level)).toEqual(['warning'])
  })
})

describe('validate command', () => {
  let dir: string
  beforeAll(() => {
    dir = makeTempDir('validate')
    fs.mkdirSync(path.join(dir, 'broken'))
    fs.writeFileSync(path.join(dir, 'broken', 'index.ts'), BAD_FIXTURE)
    fs.mkdirSync(path.join(dir, 'fine'))
    fs.writeFileSync(path.join(dir, 'fine', 'index.ts'), `export default ${JSON.stringify(good)}\n`)
  })
  afterAll(() => removeDir(dir))

  it('fails on a bad destination, naming destination, action and field for each problem', async () => {
    const result = await runCli(['validate', '--path', 'broken/index.ts'], dir)
    expect(result.code).toBe(1)
    const lines = result.stderr.split('\n').filter((line) => line.startsWith('error'))
    const expected = [
      'Broken > region: field has no description',
      'Broken > send: action has no description',
      'Broken > send > id: field has no description',
      'Broken > send: defaultSubscription "type = = "track"" does not parse',
      'Broken > send > batch_keys: batch_keys must set multiple: true',
      'Broken > send > batch_keys: batch_keys must not be required',
      'Broken > send > batch_keys: batch_keys default names "nothere"',
      'Broken: preset "Ghost" names action "nope", which does not exist',
      'Broken > send > missing: preset "Bad map" maps "missing"'
    ]
    for (const text of expected) expect(lines.some((line) => line.includes(text))).toBe(true)
    expect(result.stdout).toContain('warning  Broken: the destination has no description')
    expect(result.stdout).toContain(
      'warning  Broken > apiToken: looks like a secret but is typed "string"; use type: \'password\''
    )
    expect(result.stdout).toContain('1 destination(s) checked')
  }, 60_000)

  it('passes a good destination', async () => {
    const result = await runCli(['validate', '--path', 'fine/index.ts'], dir)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('0 error(s), 0 warning(s)')
  }, 60_000)

  it('names the flag when --path matches nothing', async () => {
    const result = await runCli(['validate', '--path', 'nowhere/*/index.ts'], dir)
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain('--path: no destination files match')
  }, 60_000)
})
