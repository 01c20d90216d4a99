// Starts engine-child.ts processes for the guarantee tests and keeps track of them, so that
// afterAll can end every one of them even when a test failed half-way.
import { spawn, type ChildProcess } from 'child_process'
import { join, resolve } from 'path'
import type { EngineChildOptions } from './engine-child'

const REPO_ROOT = resolve(__dirname, '../../../..')
const CHILD = join(__dirname, 'engine-child.ts')
const running = new Set<EngineProcess>()

export interface EngineProcess {
  url: string
  pid: number
  /** stdout and stderr so far (for failure messages). */
  output(): string
  /** kill -9: no cleanup of any kind in the engine. */
  kill9(): Promise<void>
  /** SIGTERM and wait for the exit (graceful stop); resolves with the exit code. */
  stop(timeoutMs?: number): Promise<number | null>
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode)
  return new Promise((resolveExit) => child.once('exit', (code) => resolveExit(code)))
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

export async function startEngineProcess(options: EngineChildOptions, startTimeoutMs = 60_000): Promise<EngineProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(options)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const engine: EngineProcess = {
    url: '',
    pid: child.pid ?? -1,
    output: () => output,
    kill9: async () => {
      child.kill('SIGKILL')
      await within(exited(child), 10_000, `kill -9 of engine ${child.pid}`)
      running.delete(engine)
    },
    stop: async (timeoutMs = 30_000) => {
      child.kill('SIGTERM')
      const code = await within(exited(child), timeoutMs, `graceful stop of engine ${child.pid}`)
      running.delete(engine)
      return code
    }
  }
  running.add(engine)
  const ready = new Promise<string>((resolveReady, reject) => {
    const onData = () => {
      const match = /READY (http:\/\/\S+)/.exec(output)
      if (match) resolveReady(match[1])
    }
    child.stdout?.on('data', onData)
    child.once('exit', (code) => reject(new Error(`the engine exited (${code}) before it was ready:\n${output}`)))
  })
  try {
    engine.url = await within(ready, startTimeoutMs, 'engine start')
  } catch (error) {
    child.kill('SIGKILL')
    running.delete(engine)
    throw error
  }
  return engine
}

/** Kills (-9) every engine process still running; for afterAll. */
export async function killAllEngineProcesses(): Promise<void> {
  await Promise.all([...running].map((engine) => engine.kill9().catch(() => undefined)))
}
