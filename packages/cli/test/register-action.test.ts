import { registerAction } from '../src/lib/codemod/register-action'

const destination = `import type { DestinationDefinition } from '@action-destinations/core'
import type { Settings } from './generated-types'
import send from './send'

// A comment that must survive.
const destination: DestinationDefinition<Settings> = {
  name: 'Example',
  presets: [{ name: 'x', partnerAction: 'send', subscribe: 'type = "track"', type: 'automatic' }],
  actions: {
    send
  }
}

export default destination
`

describe('registerAction', () => {
  it('adds the import after the last import and the property to actions, keeping the rest', () => {
    const out = registerAction(destination, 'trackEvent', './trackEvent')
    expect(out).toContain("import send from './send'\nimport trackEvent from './trackEvent'")
    expect(out).toContain('actions: {\n    send,\n    trackEvent\n  }')
    expect(out).toContain('// A comment that must survive.')
    expect(out).toContain("presets: [{ name: 'x', partnerAction: 'send'")
  })

  it('fills an empty actions object', () => {
    const out = registerAction("import a from 'a'\nexport default { name: 'X', actions: {} }\n", 'go', './go')
    expect(out).toBe("import a from 'a'\nimport go from './go'\nexport default { name: 'X', actions: {\n  go\n} }\n")
  })

  it('keeps a trailing comma style', () => {
    const out = registerAction("const d = {\n  name: 'X',\n  actions: {\n    a,\n  },\n}\n", 'b', './b')
    expect(out).toContain('actions: {\n    a,\n    b,\n  }')
  })

  it('renames the import when the key is already a top-level name', () => {
    const out = registerAction(
      "import send from './send'\nconst go = 1\nexport default { name: 'X', actions: { send } }\n",
      'go',
      './go'
    )
    expect(out).toContain("import goAction from './go'")
    expect(out).toContain('go: goAction')
  })

  it('refuses a key that is already registered', () => {
    expect(() => registerAction(destination, 'send', './send', 'dest/index.ts')).toThrow(
      'dest/index.ts: action "send" is already registered'
    )
  })

  it('says so when there is no actions object', () => {
    expect(() => registerAction('export default {}\n', 'a', './a', 'x.ts')).toThrow(
      'x.ts: no "actions: { … }" object literal'
    )
  })
})
