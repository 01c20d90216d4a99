import { errorOrigin, withRelativePaths } from './error-origin'
import type { SourceProblem } from './server-status'

// "path/to/file.ts:12:5" as esbuild (syntax errors) and stack frames write a location.
const LOCATION = /((?:[A-Za-z]:)?[^\s():'"]+\.[cm]?[jt]sx?):(\d+):(\d+)/

/**
 * A destination that failed to load, as a person needs it: the message and the file and line
 * where it went wrong (from a syntax error's text, else the first stack frame in the destination).
 */
export function describeLoadError(error: unknown, folder: string, root: string): SourceProblem {
  const raw = error instanceof Error ? error.message : String(error)
  const message = withRelativePaths(raw, root)
  const located = LOCATION.exec(message) ?? LOCATION.exec(errorOrigin(error, folder, root) ?? '')
  if (!located) return { message }
  return { message, file: located[1], line: Number(located[2]), column: Number(located[3]) }
}

/** One line for the log: `file:line:column: message`. */
export function formatProblem(problem: SourceProblem): string {
  const where = problem.file ? `${problem.file}:${problem.line ?? 0}:${problem.column ?? 0}: ` : ''
  return `${where}${problem.message}`
}
