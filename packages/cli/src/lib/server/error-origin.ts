import path from 'path'

// A stack frame's location: "(/abs/file.ts:12:5)" or "at /abs/file.ts:12:5".
const FRAME_LOCATION = /\(?((?:[A-Za-z]:)?[/\\][^():]+):(\d+):(\d+)\)?\s*$/

/**
 * Where an error came from: the first stack frame under `prefer` (the destination's folder), else
 * the first outside node_modules and Node's internals; relative to `root`.
 */
export function errorOrigin(error: unknown, prefer?: string, root = process.cwd()): string | undefined {
  const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : ''
  const frames: string[] = []
  for (const line of stack.split('\n').slice(1)) {
    const match = FRAME_LOCATION.exec(line.trim())
    if (!match || match[1].includes(`${path.sep}node_modules${path.sep}`)) continue
    const where = `${relativeTo(root, match[1])}:${match[2]}:${match[3]}`
    if (prefer && match[1].startsWith(prefer + path.sep)) return where
    frames.push(where)
  }
  return frames[0]
}

/** A path relative to the project (with "./"), or as given when it lies outside. */
export function relativeTo(root: string, file: string): string {
  const relative = path.relative(root, file)
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative
}

/** Text with absolute paths inside `root` shown relative to it. */
export function withRelativePaths(text: string, root: string): string {
  const prefix = path.resolve(root) + path.sep
  return text.split(prefix).join('')
}
