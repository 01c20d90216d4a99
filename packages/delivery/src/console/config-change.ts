// Console edits go through the same pure changes and whole-configuration validation as the admin
// API (src/config), so both accept and refuse exactly the same things.
import { ConfigError } from '../config/config-error'
import { deleteInstance, putInstance } from '../config/edit-config'
import type { DestinationRegistry } from '../config/registry'
import type { EngineConfig } from '../config/types'
import { validateConfig } from '../config/validate-config'
import { ConsoleError } from './console-error'

function validated(candidate: unknown, registry: DestinationRegistry): EngineConfig {
  try {
    return validateConfig(candidate, registry, 'destination instance')
  } catch (error) {
    if (error instanceof ConfigError) throw new ConsoleError(400, error.problems.join('; '))
    throw error
  }
}

/** The configuration with instance `name` created or replaced by `posted` (masked secrets kept). */
export function withInstance(
  current: EngineConfig,
  name: string,
  posted: unknown,
  registry: DestinationRegistry
): EngineConfig {
  return validated(putInstance(current, name, posted).config, registry)
}

export function withoutInstance(current: EngineConfig, name: string): EngineConfig {
  const changed = deleteInstance(current, name)
  if (!changed) throw new ConsoleError(404, `no destination instance is named "${name}"`)
  return changed
}
