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

/** What a destination folder declares about itself, read from its index.ts text (nothing is loaded). */
export interface DestinationLabel {
  folder: string
  name?: string
  slug?: string
}

// The first `name:` / `slug:` string property in index.ts is the definition's own (fields use `label`).
function firstStringProperty(source: string, key: string): string | undefined {
  const match = new RegExp(`\\b${key}:\\s*(['"\`])((?:\\\\.|(?!\\1).)*)\\1`).exec(source)
  return match ? match[2].replace(/\\(.)/g, '$1') : undefined
}

/** The name and slug of every destination in `dir`, in folder order. */
export function listDestinationLabels(dir: string): DestinationLabel[] {
  return listDestinationFolders(dir).map((folder) => {
    const source = fs.readFileSync(path.join(dir, folder, 'index.ts'), 'utf8')
    return { folder, name: firstStringProperty(source, 'name'), slug: firstStringProperty(source, 'slug') }
  })
}

/** "folder (slug, "Name")": one choice as listed in an error. */
export function describeChoice(label: DestinationLabel): string {
  const extra = [label.slug, label.name === undefined ? undefined : `"${label.name}"`].filter(Boolean)
  return extra.length ? `${label.folder} (${extra.join(', ')})` : label.folder
}

// Case and punctuation do not matter for names: "braze cloud mode (actions)" finds Braze.
function loose(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '')
}

/**
 * Finds a destination's index.ts from a slug, a folder name, a destination name, a folder path or
 * a file path. When nothing matches, the error lists the destinations in `destinationsDir`.
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
  const labels = listDestinationLabels(destinationsDir)
  const wanted = loose(spec)
  const found =
    labels.find((label) => label.slug === spec) ??
    (wanted === '' ? undefined : labels.find((label) => label.name !== undefined && loose(label.name) === wanted))
  if (found) return path.join(destinationsDir, found.folder, 'index.ts')
  const choices = labels.length
    ? `; choose a folder, slug or name:\n  ${labels.map(describeChoice).join('\n  ')}`
    : `; ${destinationsDir} holds no destination folder with an index.ts`
  throw new Error(`${flag} "${spec}": no destination found by path, folder, slug or name${choices}`)
}

/** Default for non-interactive runs: webhook, then slack, then the first destination. */
export function defaultDestinationFolder(destinationsDir: string = DESTINATIONS_DIR): string | undefined {
  const folders = listDestinationFolders(destinationsDir)
  return ['webhook', 'slack'].find((name) => folders.includes(name)) ?? folders[0]
}
