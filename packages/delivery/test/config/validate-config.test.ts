import { mkdtempSync, rmSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { ConfigError } from '../../src/config/config-error'
import { loadConfigFile } from '../../src/config/load-config-file'
import { seedConfig } from '../../src/config/seed-config'
import { deriveSubscriptionId } from '../../src/config/subscription-id'
import { validateConfig } from '../../src/config/validate-config'
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store'
import { registry, sampleConfig } from '../http/fixture'

function problemsOf(input: unknown): string[] {
  try {
    validateConfig(input, registry)
  } catch (error) {
    if (error instanceof ConfigError) return error.problems
    throw error
  }
  throw new Error('expected a ConfigError')
}

function withSubscription(patch: Record<string, unknown>): unknown {
  const config = sampleConfig() as any
  config.destinations[0].subscriptions.push({ ...config.destinations[0].subscriptions[0], name: 'Second', ...patch })
  return config
}

describe('validateConfig', () => {
  it('returns a normalised copy with derived ids and leaves the input untouched', () => {
    const input = sampleConfig()
    const frozen = JSON.stringify(input)
    const config = validateConfig(input, registry)
    expect(JSON.stringify(input)).toBe(frozen)
    expect(config.destinations[0].enabled).toBe(true)
    expect(config.destinations[0].subscriptions[0].id).toBe(deriveSubscriptionId('main', 'Orders'))
    expect(config.destinations[0].subscriptions[0].id).toMatch(/^main\.orders\.[0-9a-f]{8}$/)
    // Stable: the same names give the same id every time.
    expect(validateConfig(sampleConfig(), registry).destinations[0].subscriptions[0].id).toBe(
      config.destinations[0].subscriptions[0].id
    )
  })

  it('keeps a given id', () => {
    const config = validateConfig(withSubscription({ id: 'my-id' }), registry)
    expect(config.destinations[0].subscriptions[1].id).toBe('my-id')
  })

  it('names the FQL error by place, line and column', () => {
    expect(problemsOf(withSubscription({ subscribe: 'type = ' }))).toEqual([
      'destinations[0].subscriptions[1].subscribe: FQL error at line 1, column 8: Expected a value after "=", found end of input'
    ])
  })

  it('lists the registry choices for an unknown destination and the actions for an unknown action', () => {
    const config = sampleConfig() as any
    config.destinations[0].destination = 'nope'
    expect(problemsOf(config)).toEqual([
      'destinations[0].destination: unknown destination "nope" (choose one of: test)'
    ])
    expect(problemsOf(withSubscription({ partnerAction: 'shout' }))).toEqual([
      'destinations[0].subscriptions[1].partnerAction: unknown action "shout" of test (choose one of: send)'
    ])
  })

  it('reports duplicate names, unknown sources, bad mappings and bad types, all at once', () => {
    const config = sampleConfig() as any
    config.sources.push({ name: 'web', writeKey: 'other' })
    config.destinations.push({
      ...config.destinations[0],
      name: 'second',
      sources: ['mobile'],
      maxConcurrency: 0,
      subscriptions: []
    })
    config.destinations[0].subscriptions.push({ ...config.destinations[0].subscriptions[0] })
    config.destinations[0].subscriptions[0].mapping = { name: { '@path': 3 } }
    config.destinations[0].subscriptions[0].enabled = 'yes'
    expect(problemsOf(config)).toEqual([
      'sources[1].name: duplicate source name "web"',
      'destinations[0].subscriptions[0].enabled: should be true or false but it is string "yes"',
      'destinations[0].subscriptions[0].mapping: /name/@path should be a string or a mapping directive but it is a number.',
      'destinations[0].subscriptions[1].name: duplicate subscription name "Orders" in this instance',
      'destinations[1].sources[0]: unknown source string "mobile" (sources: web)',
      'destinations[1].maxConcurrency: should be an integer from 1 to 1000 but it is number 0'
    ])
  })

  it('refuses unknown keys, a missing root, duplicate instance names and duplicate ids', () => {
    expect(problemsOf(null)).toEqual(['(root): should be an object but it is null'])
    expect(problemsOf({ sources: [], destinations: [], extra: 1 })).toEqual([
      '(root): unknown key "extra" (expected sources, destinations)'
    ])
    const config = sampleConfig() as any
    config.destinations.push({ ...config.destinations[0] })
    expect(problemsOf(config)).toEqual(['destinations[1].name: duplicate destination instance name "main"'])
    expect(problemsOf(withSubscription({ id: deriveSubscriptionId('main', 'Orders') }))).toEqual([
      `destinations[0].subscriptions[1].id: "${deriveSubscriptionId('main', 'Orders')}" is already used by destinations[0].subscriptions[0]`
    ])
  })
})

describe('loadConfigFile and seedConfig', () => {
  let dir: string
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'delivery-config-'))))
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('names the file in errors', () => {
    const file = join(dir, 'config.json')
    writeFileSync(file, '{ "sources": ')
    expect(() => loadConfigFile(file, registry)).toThrow(`Invalid configuration file ${file}:\n- not valid JSON`)
    expect(() => loadConfigFile(join(dir, 'missing.json'), registry)).toThrow(/cannot read the file/)
  })

  it('seeds the file only when its content hash changed, keeping admin changes otherwise', async () => {
    const file = join(dir, 'config.json')
    writeFileSync(file, JSON.stringify(sampleConfig()))
    const store = createSqliteStore(join(dir, 'engine.db'))
    await store.init()
    const first = loadConfigFile(file, registry)
    expect((await seedConfig(store, first.config, first.hash)).applied).toBe(true)
    // An admin change, saved with the same seed hash.
    const changed = { ...first.config, sources: [...first.config.sources, { name: 'app', writeKey: 'wk-app' }] }
    await store.saveConfig(changed, first.hash)
    const again = await seedConfig(store, loadConfigFile(file, registry).config, first.hash)
    expect(again.applied).toBe(false)
    expect(again.config.sources.map((source) => source.name)).toEqual(['web', 'app'])
    // Editing the file makes the file win again.
    const edited = sampleConfig()
    edited.sources[0].writeKey = 'wk-new'
    writeFileSync(file, JSON.stringify(edited))
    const third = loadConfigFile(file, registry)
    const seeded = await seedConfig(store, third.config, third.hash)
    expect(seeded.applied).toBe(true)
    expect((await store.loadConfig())?.config.sources).toEqual([{ name: 'web', writeKey: 'wk-new' }])
    await store.close()
  })
})
