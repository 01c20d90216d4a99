import { createHash } from 'crypto'
import { readFileSync } from 'fs'
import { ConfigError } from './config-error'
import type { DestinationRegistry } from './registry'
import type { EngineConfig } from './types'
import { validateConfig } from './validate-config'

export interface LoadedConfigFile {
  config: EngineConfig
  /** sha256 of the file's bytes: decides whether the file is seeded again (see seedConfig). */
  hash: string
}

/** Largest configuration file read (a sanity bound, far above any real configuration). */
export const MAX_CONFIG_FILE_BYTES = 16 * 1024 * 1024

/** Reads, parses and validates a configuration file; every error names the file. */
export function loadConfigFile(file: string, registry: DestinationRegistry): LoadedConfigFile {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch (error) {
    throw new ConfigError([`cannot read the file: ${(error as Error).message}`], `configuration file ${file}`)
  }
  if (bytes.length > MAX_CONFIG_FILE_BYTES) {
    throw new ConfigError([`the file is larger than ${MAX_CONFIG_FILE_BYTES} bytes`], `configuration file ${file}`)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(bytes.toString('utf8'))
  } catch (error) {
    throw new ConfigError([`not valid JSON: ${(error as Error).message}`], `configuration file ${file}`)
  }
  const config = validateConfig(parsed, registry, `configuration file ${file}`)
  return { config, hash: createHash('sha256').update(bytes).digest('hex') }
}
