import fs from 'fs'
import path from 'path'
import { registerAction } from '../codemod/register-action'
import { TEMPLATES_DIR } from '../locate'
import { formatFiles, tsString, writeTemplateDir } from './render-template'

export interface ActionScaffoldInput {
  /** The destination's entry file (index.ts). */
  entryFile: string
  key: string
  title: string
  type: 'server' | 'browser'
  description?: string
}

/** Writes `<destination>/<key>/` from the action template and registers it in index.ts. */
export async function scaffoldAction(input: ActionScaffoldInput): Promise<string[]> {
  const folder = path.dirname(input.entryFile)
  const actionFolder = path.join(folder, input.key)
  if (fs.existsSync(actionFolder)) throw new Error(`${actionFolder} already exists`)
  const source = fs.readFileSync(input.entryFile, 'utf8')
  // Transform first: if index.ts cannot take the action, nothing is written.
  const updated = registerAction(source, input.key, `./${input.key}`, input.entryFile)
  const destinationName = /name:\s*'([^']*)'/.exec(source)?.[1] ?? path.basename(folder)
  const vars = {
    titleString: tsString(input.title),
    descriptionString: tsString(input.description ?? `${input.title}.`),
    keyString: tsString(input.key),
    testTitleString: tsString(`${destinationName}.${input.key}`)
  }
  const files = writeTemplateDir(path.join(TEMPLATES_DIR, 'actions', input.type), actionFolder, vars)
  fs.writeFileSync(input.entryFile, updated)
  await formatFiles([...files, input.entryFile])
  return [...files, input.entryFile]
}
