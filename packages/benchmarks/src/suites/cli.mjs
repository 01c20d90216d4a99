// CLI start-up: `bin/run --help` in a new Node process each time (a cold start), as an author types it.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const binRun = fileURLToPath(new URL('../../../../bin/run', import.meta.url))

export function cliSuite({ runs = Number(process.env.BENCH_CLI_RUNS ?? 10) } = {}) {
  const durations = []
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint()
    const child = spawnSync(process.execPath, [binRun, '--help'], { encoding: 'utf8' })
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    if (child.status !== 0) throw new Error(`bin/run --help failed (${child.status}): ${child.stderr}`)
    durations.push(seconds)
  }
  durations.sort((a, b) => a - b)
  return { runs, medianSeconds: durations[Math.floor(runs / 2)], maxSeconds: durations[runs - 1], target: 0.5 }
}
