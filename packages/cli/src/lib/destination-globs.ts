import fs from 'fs'
import path from 'path'
import { REPO_ROOT } from './locate'

/** The default --path globs: cloud destinations, and browser destinations when that package exists. */
export function defaultDestinationGlobs(): string[] {
  const globs = [path.join(REPO_ROOT, 'packages/destination-actions/src/destinations/*/index.ts')]
  const browser = path.join(REPO_ROOT, 'packages/browser-destinations/src/destinations')
  if (fs.existsSync(browser)) globs.push(path.join(browser, '*/index.ts'))
  return globs
}
