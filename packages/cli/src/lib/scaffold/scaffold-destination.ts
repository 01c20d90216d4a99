import fs from 'fs'
import path from 'path'
import { TEMPLATES_DIR } from '../locate'
import { formatFiles, tsString, writeTemplateDir } from './render-template'
import type { DestinationTemplate } from './templates'

export interface ScaffoldInput {
  name: string
  slug: string
  template: DestinationTemplate
  /** Folder holding destination folders; the new one is named after the slug without "actions-". */
  directory: string
  description?: string
}

export interface ScaffoldResult {
  folder: string
  entryFile: string
  files: string[]
}

/** Writes a new destination from a template; cloud templates also get a snapshot test. */
export async function scaffoldDestination(input: ScaffoldInput): Promise<ScaffoldResult> {
  const folderName = input.slug.replace(/^actions-/, '')
  const folder = path.resolve(input.directory, folderName)
  if (fs.existsSync(folder)) throw new Error(`${folder} already exists; choose another --slug or --directory`)
  const description = input.description ?? `Send events to ${input.name}.`
  const vars = {
    nameString: tsString(input.name),
    slugString: tsString(input.slug),
    descriptionString: tsString(description),
    descriptionJson: JSON.stringify(description),
    folder: folderName
  }
  const files = writeTemplateDir(path.join(TEMPLATES_DIR, 'destinations', input.template), folder, vars)
  const browser = input.template === 'browser'
  if (!browser) {
    // Inside the destinations package the repo's own helper (describeSnapshots) is reachable.
    const inRepo = fs.existsSync(path.join(path.resolve(input.directory), '..', 'test-utils', 'snapshot.ts'))
    const snapshotTemplate = path.join(TEMPLATES_DIR, 'snapshot', inRepo ? 'in-repo' : 'standalone')
    files.push(...writeTemplateDir(snapshotTemplate, path.join(folder, '__tests__'), vars))
  }
  await formatFiles(files)
  const entryFile = path.join(folder, 'index.ts')
  return { folder, entryFile, files }
}
