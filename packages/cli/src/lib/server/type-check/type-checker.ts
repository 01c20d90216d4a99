import { fork, type ChildProcess } from 'child_process'
import path from 'path'
import { debugLog } from '../debug-log'
import { relativeTo } from '../error-origin'
import type { ServerStatus, SourceProblem } from '../server-status'

export interface TypeCheckerOptions {
  entryFile: string
  status: ServerStatus
  log: (line: string) => void
  /** Paths in the log and the status are relative to this folder. */
  projectRoot: string
  /** Wait this long after the last reload before checking (editors save in bursts). */
  debounceMs?: number
  /** A check taking longer is stopped and reported as failed. */
  timeoutMs?: number
}

// The worker is TypeScript when the CLI runs from its sources: run it through tsx then.
function workerCommand(): { file: string; execArgv: string[] } {
  const extension = path.extname(__filename)
  const file = path.join(__dirname, `type-check-worker${extension}`)
  return { file, execArgv: extension === '.ts' ? ['--require', require.resolve('tsx/cjs')] : [] }
}

/**
 * Type-checks the destination in a child process after each reload, off the request path: tsx
 * loads code without checking types, so a type error would otherwise run silently.
 */
export class TypeChecker {
  private timer: NodeJS.Timeout | undefined
  private child: ChildProcess | undefined
  private again = false
  private closed = false

  constructor(private readonly options: TypeCheckerOptions) {}

  /** Asks for a check soon; a burst of calls gives one check, and one more if a check is running. */
  schedule(): void {
    if (this.closed) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = undefined
      if (this.child) this.again = true
      else this.run()
    }, this.options.debounceMs ?? 300)
  }

  close(): void {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    this.child?.kill()
    this.child = undefined
  }

  private run(): void {
    const { status, log, projectRoot, entryFile } = this.options
    const startedAt = Date.now()
    status.typeCheck = { ...status.typeCheck, state: 'running' }
    debugLog.typecheck('checking %s', entryFile)
    const { file, execArgv } = workerCommand()
    const child = fork(file, [entryFile], { execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] })
    this.child = child
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)))
    const deadline = setTimeout(() => child.kill(), this.options.timeoutMs ?? 120_000)
    let answered = false
    child.on('message', (message: { ok?: boolean; errors?: SourceProblem[]; message?: string }) => {
      answered = true
      const at = new Date().toISOString()
      if (!message.ok) {
        status.typeCheck = { state: 'failed', at, errors: [], message: String(message.message) }
        log(`Type check could not run: ${String(message.message)}`)
        return
      }
      const errors = (message.errors ?? []).map((problem) =>
        problem.file ? { ...problem, file: relativeTo(projectRoot, problem.file) } : problem
      )
      status.typeCheck = { state: errors.length > 0 ? 'errors' : 'ok', at, errors }
      debugLog.typecheck('%d errors in %d ms', errors.length, Date.now() - startedAt)
      if (errors.length === 0) return
      log(`Type check: ${errors.length} error${errors.length === 1 ? '' : 's'} (the code still runs):`)
      for (const problem of errors.slice(0, 20)) {
        const where = problem.file ? `${problem.file}:${problem.line ?? 0}:${problem.column ?? 0}: ` : ''
        log(`  ${where}${problem.message.split('\n')[0]}`)
      }
    })
    child.on('exit', (code) => {
      clearTimeout(deadline)
      if (this.child === child) this.child = undefined
      if (!answered && !this.closed) {
        const why = stderr.trim().split('\n').slice(-3).join(' ') || `exit code ${String(code)}`
        status.typeCheck = { state: 'failed', at: new Date().toISOString(), errors: [], message: why }
        log(`Type check could not run: ${why}`)
      }
      if (this.again && !this.closed) {
        this.again = false
        this.run()
      }
    })
  }
}
