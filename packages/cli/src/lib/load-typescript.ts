import path from 'path'
import { isDefinitionLike, type DefinitionLike } from './definition-types'

let registered = false

// tsx's CommonJS hook lets us require a destination's index.ts without building it.
export function registerTypeScript(): void {
  if (registered) return
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const api = require('tsx/cjs/api') as { register: () => () => void }
  api.register()
  registered = true
}

/** Forget every cached module under `folder` so the next require reads the files again. */
export function forgetModulesUnder(folder: string): void {
  const prefix = path.resolve(folder) + path.sep
  for (const key of Object.keys(require.cache)) {
    if (key.startsWith(prefix)) delete require.cache[key]
  }
}

/** Requires a destination entry file and returns its default export, checked to look like a definition. */
export function loadDefinitionFile(file: string): DefinitionLike {
  registerTypeScript()
  const resolved = require.resolve(path.resolve(file))
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(resolved) as { default?: unknown }
  const definition = loaded && typeof loaded === 'object' && 'default' in loaded ? loaded.default : loaded
  if (!isDefinitionLike(definition)) {
    throw new Error(`${file}: the default export is not a destination definition (needs "name" and "actions")`)
  }
  return definition
}
