import fs from 'fs'
import os from 'os'
import path from 'path'

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..')

/** A fresh folder under the OS temp dir whose node_modules points at the repo's, so our packages resolve. */
export function makeTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ad-cli-${prefix}-`))
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
  return dir
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true })
}
