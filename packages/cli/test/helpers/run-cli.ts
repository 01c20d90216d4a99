import { execFile } from 'child_process'
import path from 'path'

export const CLI_BIN = path.join(__dirname, '..', '..', 'bin', 'run.js')

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** Runs the CLI from its sources in a child process, without a terminal, bounded in time. */
export function runCli(args: string[], cwd: string, timeoutMs = 90_000): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI_BIN, ...args],
      { cwd, timeout: timeoutMs, env: { ...process.env, ACTION_DESTINATIONS_CLI_SOURCE: '1', FORCE_COLOR: '0' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({ code, stdout: String(stdout), stderr: String(stderr) })
      }
    )
  })
}
