import fs from 'fs'
import path from 'path'
import { DESTINATIONS_DIR, listDestinationLabels, resolveDestinationEntry } from '../src/lib/locate'
import { makeTempDir, removeDir } from './helpers/temp-dir'

const entry = (folder: string): string => path.join(DESTINATIONS_DIR, folder, 'index.ts')

describe('resolveDestinationEntry', () => {
  it('finds a destination by folder, actions-<folder>, slug and name', () => {
    expect(resolveDestinationEntry('hubspot')).toBe(entry('hubspot'))
    expect(resolveDestinationEntry('actions-slack')).toBe(entry('slack'))
    // Slugs that are not "actions-<folder>".
    expect(resolveDestinationEntry('actions-hubspot-cloud')).toBe(entry('hubspot'))
    expect(resolveDestinationEntry('actions-braze-cloud')).toBe(entry('braze'))
    // Names, ignoring case and punctuation.
    expect(resolveDestinationEntry('Braze Cloud Mode (Actions)')).toBe(entry('braze'))
    expect(resolveDestinationEntry('customer.io actions')).toBe(entry('customerio'))
  })

  it('still takes a folder path or an index.ts path', () => {
    expect(resolveDestinationEntry(path.join(DESTINATIONS_DIR, 'slack'))).toBe(entry('slack'))
    expect(resolveDestinationEntry(entry('webhook'))).toBe(entry('webhook'))
  })

  it('lists every folder with its slug and name when nothing matches', () => {
    expect(() => resolveDestinationEntry('hubspt')).toThrow(
      /--destination "hubspt": no destination found by path, folder, slug or name; choose a folder, slug or name:/
    )
    let message = ''
    try {
      resolveDestinationEntry('nothing-like-it', DESTINATIONS_DIR, '--path')
    } catch (error) {
      message = (error as Error).message
    }
    expect(message.startsWith('--path "nothing-like-it"')).toBe(true)
    expect(message).toContain('hubspot (actions-hubspot-cloud, "HubSpot Cloud Mode (Actions)")')
    expect(message).toContain('braze (actions-braze-cloud, "Braze Cloud Mode (Actions)")')
  })

  it('says when the folder holds no destination at all', () => {
    const dir = makeTempDir('locate')
    try {
      expect(() => resolveDestinationEntry('x', dir)).toThrow(/holds no destination folder with an index\.ts/)
    } finally {
      removeDir(dir)
    }
  })

  it('reads name and slug from index.ts text, quotes and escapes included', () => {
    const dir = makeTempDir('labels')
    try {
      fs.mkdirSync(path.join(dir, 'odd'))
      fs.writeFileSync(
        path.join(dir, 'odd', 'index.ts'),
        "const d = {\n  name: 'It\\'s \"Odd\"',\n  slug: \"actions-odd-one\",\n  fields: { a: { name: 'not me' } }\n}\n"
      )
      expect(listDestinationLabels(dir)).toEqual([{ folder: 'odd', name: 'It\'s "Odd"', slug: 'actions-odd-one' }])
      expect(resolveDestinationEntry('actions-odd-one', dir)).toBe(path.join(dir, 'odd', 'index.ts'))
      expect(resolveDestinationEntry("it's odd", dir)).toBe(path.join(dir, 'odd', 'index.ts'))
    } finally {
      removeDir(dir)
    }
  })
})
