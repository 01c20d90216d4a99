import fs from 'fs'
import path from 'path'
import { isRegistrySource, registerDestination, registryEntries } from '../codemod/register-destination'
import { formatFiles } from './render-template'

export interface Registered {
  /** The registry file: `<directory>/index.ts`. */
  file: string
  id: string
  /** True when the folder was listed already and nothing was written. */
  already: boolean
}

/**
 * Lists `<directory>/<folder>` in the registry `<directory>/index.ts` with a fresh id, so the
 * registry test stays green. Answers undefined when the directory has no registry file (a
 * destination scaffolded outside the destinations package).
 */
export async function registerInRegistry(directory: string, folder: string): Promise<Registered | undefined> {
  const file = path.join(path.resolve(directory), 'index.ts')
  if (!fs.existsSync(file)) return undefined
  const source = fs.readFileSync(file, 'utf8')
  if (!isRegistrySource(source)) return undefined
  const existing = registryEntries(source, file).find((entry) => entry.folder === folder)
  if (existing) return { file, id: existing.id, already: true }
  const { source: updated, id } = registerDestination(source, folder, file)
  fs.writeFileSync(file, updated)
  await formatFiles([file])
  return { file, id, already: false }
}
