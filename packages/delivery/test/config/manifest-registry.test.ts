import type { DestinationDefinition } from '@action-destinations/core'
import { registryFromManifest } from '../../src/config/manifest-registry'

const definition = (name: string, slug: string) =>
  ({ name, slug, mode: 'cloud', actions: {} }) as unknown as DestinationDefinition<unknown>

describe('registryFromManifest', () => {
  // "b"'s folder is "shared"; "c"'s slug is "shared": the slug wins over the folder name.
  const registry = registryFromManifest({
    '000000000000000000000001': { directory: 'alpha', definition: definition('Alpha', 'actions-alpha') },
    '000000000000000000000002': { directory: 'shared', definition: definition('B', 'actions-b') },
    '000000000000000000000003': { directory: 'gamma', definition: definition('C', 'shared') }
  })

  it('lists every entry with its id, folder and definition', () => {
    expect(registry.list().map((entry) => [entry.id, entry.key, entry.definition.name])).toEqual([
      ['000000000000000000000001', 'alpha', 'Alpha'],
      ['000000000000000000000002', 'shared', 'B'],
      ['000000000000000000000003', 'gamma', 'C']
    ])
  })

  it('finds by id, then slug, then folder name', () => {
    expect(registry.find('000000000000000000000002')?.key).toBe('shared')
    expect(registry.find('actions-alpha')?.key).toBe('alpha')
    expect(registry.find('shared')?.definition.name).toBe('C')
    expect(registry.find('gamma')?.definition.name).toBe('C')
    expect(registry.find('nope')).toBeUndefined()
  })
})
