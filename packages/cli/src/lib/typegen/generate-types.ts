import fs from 'fs'
import path from 'path'
import { loadCore } from '../core-runtime'
import { forgetModulesUnder, loadDefinitionFile } from '../load-typescript'
import { renderActionTypes, renderDestinationTypes } from './render-types'

export interface TypeFile {
  file: string
  content: string
  /** True when the file on disk differs from `content` (or is missing). */
  stale: boolean
}

/**
 * Computes every generated-types.ts of one destination: its own and one per action whose folder
 * (named after the action key) exists beside index.ts.
 */
export async function computeTypeFiles(entryFile: string): Promise<{ files: TypeFile[]; warnings: string[] }> {
  const core = loadCore()
  const folder = path.dirname(path.resolve(entryFile))
  forgetModulesUnder(folder)
  const definition = loadDefinitionFile(entryFile)
  const warnings: string[] = []
  const wanted: Array<{ file: string; content: Promise<string> }> = []
  const ownFile = path.join(folder, 'generated-types.ts')
  wanted.push({ file: ownFile, content: renderDestinationTypes(core, definition, ownFile) })
  for (const [key, action] of Object.entries(definition.actions)) {
    const actionFolder = path.join(folder, key)
    if (!fs.existsSync(actionFolder)) {
      warnings.push(
        `${path.relative(process.cwd(), folder)}: action "${key}" has no folder named "${key}"; its types were not written`
      )
      continue
    }
    const file = path.join(actionFolder, 'generated-types.ts')
    wanted.push({ file, content: renderActionTypes(core, action, file) })
  }
  const files: TypeFile[] = []
  for (const { file, content } of wanted) {
    const text = await content
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined
    files.push({ file, content: text, stale: current !== text })
  }
  return { files, warnings }
}

/** Writes the stale files; returns the ones written. */
export function writeTypeFiles(files: TypeFile[]): string[] {
  const written: string[] = []
  for (const { file, content, stale } of files) {
    if (!stale) continue
    fs.writeFileSync(file, content)
    written.push(file)
  }
  return written
}
