import fs from 'fs'
import path from 'path'
import { destinations, getDestinationById, getDestinationByIdOrKey, manifest } from '../index'

const destinationsDir = path.join(__dirname, '..', 'destinations')
const folders = fs
  .readdirSync(destinationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

describe('destination registry', () => {
  it.each(folders)('registers the folder %s', (folder) => {
    const entry = Object.values(manifest).find((candidate) => candidate.directory === folder)
    expect(entry).toBeDefined()
    expect(entry?.path).toBe(`./${folder}`)
  })

  it('uses stable 24-hex ids, one per destination', () => {
    const ids = Object.keys(manifest)
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{24}$/)
    expect(new Set(ids).size).toBe(ids.length)
    expect(Object.keys(destinations)).toEqual(ids)
  })

  // A destination with no actions yet (just after `init`) is registered; `validate` reports it instead.
  it('gives every destination a unique slug and the cloud mode', () => {
    const slugs = Object.values(destinations).map((definition) => definition.slug)
    expect(new Set(slugs).size).toBe(slugs.length)
    for (const definition of Object.values(destinations)) expect(definition.mode).toBe('cloud')
  })

  it('finds destinations by id, slug or folder name', () => {
    const [id, entry] = Object.entries(manifest)[0]
    expect(getDestinationById(id)).toBe(entry.definition)
    expect(getDestinationByIdOrKey(id)).toBe(entry.definition)
    expect(getDestinationByIdOrKey(entry.definition.slug as string)).toBe(entry.definition)
    expect(getDestinationByIdOrKey(entry.directory)).toBe(entry.definition)
  })

  it('answers undefined for unknown keys, including prototype names', () => {
    expect(getDestinationById('000000000000000000000000')).toBeUndefined()
    expect(getDestinationByIdOrKey('no-such-destination')).toBeUndefined()
    expect(getDestinationById('__proto__')).toBeUndefined()
    expect(getDestinationByIdOrKey('constructor')).toBeUndefined()
  })

  it('has generated types for every action folder', () => {
    for (const entry of Object.values(manifest)) {
      for (const action of Object.keys(entry.definition.actions)) {
        expect(fs.existsSync(path.join(destinationsDir, entry.directory, action, 'generated-types.ts'))).toBe(true)
      }
    }
  })
})
