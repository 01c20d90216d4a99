import type { Store } from '../store/store'
import type { EngineConfig } from './types'

export interface SeedResult {
  /** The configuration in effect after seeding. */
  config: EngineConfig
  version: number
  /** True when the file (or object) replaced the store's configuration. */
  applied: boolean
}

/**
 * The seeding rule: the file replaces the store's configuration only when its content hash differs
 * from the hash it was last seeded from (or the store has none). An unchanged file therefore keeps
 * whatever the admin API changed since; editing the file makes the file win again.
 */
export async function seedConfig(store: Store, config: EngineConfig, hash: string): Promise<SeedResult> {
  const stored = await store.loadConfig()
  if (stored && stored.seedHash === hash) return { config: stored.config, version: stored.version, applied: false }
  const version = await store.saveConfig(config, hash)
  return { config, version, applied: true }
}
