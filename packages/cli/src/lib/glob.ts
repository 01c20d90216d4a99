import fs from 'fs'
import path from 'path'

function segmentRegExp(segment: string): RegExp {
  const body = segment
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]')
  return new RegExp(`^${body}$`)
}

function walk(base: string, segments: string[], out: Set<string>): void {
  if (segments.length === 0) {
    if (fs.existsSync(base)) out.add(base)
    return
  }
  const [head, ...rest] = segments
  if (head === '**') {
    walk(base, rest, out)
    for (const entry of safeReaddir(base)) {
      if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) {
        walk(path.join(base, entry.name), segments, out)
      }
    }
    return
  }
  if (!/[*?]/.test(head)) {
    walk(path.join(base, head), rest, out)
    return
  }
  const matcher = segmentRegExp(head)
  for (const entry of safeReaddir(base)) {
    if (matcher.test(entry.name)) walk(path.join(base, entry.name), rest, out)
  }
}

function safeReaddir(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true })
  } catch {
    return []
  }
}

/** Expands `*`, `?` and `**` in a path pattern (relative to cwd); sorted absolute paths. */
export function expandGlob(pattern: string, cwd: string = process.cwd()): string[] {
  const absolute = path.resolve(cwd, pattern)
  const root = path.parse(absolute).root
  const segments = absolute.slice(root.length).split(path.sep).filter(Boolean)
  const out = new Set<string>()
  walk(root, segments, out)
  return [...out].sort()
}
