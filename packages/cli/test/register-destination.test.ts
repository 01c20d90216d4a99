import fs from 'fs'
import path from 'path'
import {
  freshDestinationId,
  isRegistrySource,
  registerDestination,
  registryEntries
} from '../src/lib/codemod/register-destination'
import { DESTINATIONS_DIR } from '../src/lib/locate'

const registry = fs.readFileSync(path.join(DESTINATIONS_DIR, 'index.ts'), 'utf8')

describe('registerDestination', () => {
  it('reads the ids and folders of the real registry', () => {
    const entries = registryEntries(registry)
    expect(entries.map((entry) => entry.folder)).toContain('hubspot')
    for (const entry of entries) expect(entry.id).toMatch(/^[0-9a-f]{24}$/)
    expect(isRegistrySource(registry)).toBe(true)
    expect(isRegistrySource('export const x = 1\n')).toBe(false)
  })

  it('adds the import and a row with a fresh 24-hex id at the end of the table, keeping the rest', () => {
    const { source, id, identifier } = registerDestination(registry, 'my-tool')
    expect(id).toMatch(/^[0-9a-f]{24}$/)
    expect(identifier).toBe('myTool')
    expect(registryEntries(registry).map((entry) => entry.id)).not.toContain(id)
    expect(source).toContain("import customerio from './customerio'\nimport myTool from './my-tool'")
    expect(source).toMatch(new RegExp(`customerio\\],\\n  \\['${id}', 'my-tool', myTool\\]\\n\\]`))
    expect(registryEntries(source).slice(-1)).toEqual([{ id, folder: 'my-tool' }])
    // Everything else is unchanged: removing the two additions gives the original back.
    const back = source.replace("\nimport myTool from './my-tool'", '').replace(`,\n  ['${id}', 'my-tool', myTool]`, '')
    expect(back).toBe(registry)
  })

  it('draws again when the random id is taken or malformed', () => {
    const draws = ['64f1c0a2b3d4e5f601a2b301', 'not-hex', 'abcdefabcdefabcdefabcdef']
    expect(freshDestinationId(['64f1c0a2b3d4e5f601a2b301'], () => draws.shift() as string)).toBe(
      'abcdefabcdefabcdefabcdef'
    )
    expect(() => freshDestinationId([], () => 'x')).toThrow('could not draw an unused 24-hex destination id')
  })

  it('renames the import on a name clash and fills an empty table', () => {
    const source = "import slack from './slack'\nconst manifestEntries: Array<[string, string, unknown]> = []\n"
    const out = registerDestination(source, 'slack-two', 'index.ts', () => 'aaaaaaaaaaaaaaaaaaaaaaaa')
    expect(out.source).toBe(
      "import slack from './slack'\nimport slackTwo from './slack-two'\n" +
        "const manifestEntries: Array<[string, string, unknown]> = [\n  ['aaaaaaaaaaaaaaaaaaaaaaaa', 'slack-two', slackTwo]\n]\n"
    )
    const clash = registerDestination("import x from './x'\nconst manifestEntries = []\n", 'x-', 'index.ts')
    expect(clash.identifier).toBe('xDestination')
    const taken = registerDestination("import slack from 'elsewhere'\nconst manifestEntries = []\n", 'slack')
    expect(taken.identifier).toBe('slackDestination')
  })

  it('refuses a folder already listed, a folder name it cannot quote, and a file without the table', () => {
    expect(() => registerDestination(registry, 'slack', 'reg.ts')).toThrow(
      'reg.ts: "slack" is already registered with id 64f1c0a2b3d4e5f601a2b301'
    )
    expect(() => registerDestination(registry, "it's", 'reg.ts')).toThrow('cannot register folder "it\'s"')
    expect(() => registerDestination('export {}\n', 'x', 'reg.ts')).toThrow(
      'reg.ts: no "const manifestEntries = [ … ]" array found'
    )
  })
})
