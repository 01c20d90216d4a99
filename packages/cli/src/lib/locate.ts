import fs from 'fs'
import path from 'path'

/** The cli package folder, whether running from src (tsx/ts-jest) or dist. */
export const CLI_ROOT = path.resolve(__dirname, '..', '..')
/** The monorepo root the CLI ships in. */
export const REPO_ROOT = path.resolve(CLI_ROOT, '..', '..')
export const DESTINATIONS_DIR = path.join(REPO_ROOT, 'packages', 'destination-actions', 'src', 'destinations')
export const BROWSER_DESTINATIONS_DIR = path.join(REPO_ROOT, 'packages', 'browser-destinations', 'src', 'destinations')
export const TEMPLATES_DIR = path.join(CLI_ROOT, 'templates')

/** Folder names of the destinations in `dir` that have an index.ts, in sorted (registry) order. */
export function listDestinationFolders(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'index.ts')))
    .map((entry) => entry.name)
    .sort()
}

/** The folder name a slug maps to: the reference strips the "actions-" prefix. */
export function folderNameForSlug(slug: string): string {
  return slug.replace(/^actions-/, '')
}

/**
 * Finds a destination's index.ts from a slug, a folder name, a folder path or a file path.
 * Throws naming what was tried.
 */
export function resolveDestinationEntry(
  spec: string,
  destinationsDir: string = DESTINATIONS_DIR,
  flag = '--destination'
): string {
  const candidates = [
    path.resolve(spec),
    path.resolve(spec, 'index.ts'),
    path.resolve(spec, 'src', 'index.ts'),
    path.join(destinationsDir, spec, 'index.ts'),
    path.join(destinationsDir, folderNameForSlug(spec), 'index.ts')
  ]
  for (const candidate of candidates) {
    if (candidate.endsWith('.ts') && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate
  }
  throw new Error(
    `${flag} "${spec}": no destination found (looked for a folder with index.ts, or ${destinationsDir}/<slug>)`
  )
}

/** Default for non-interactive runs: webhook, then slack, then the first destination. */
export function defaultDestinationFolder(destinationsDir: string = DESTINATIONS_DIR): string | undefined {
  const folders = listDestinationFolders(destinationsDir)
  return ['webhook', 'slack'].find((name) => folders.includes(name)) ?? folders[0]
}
