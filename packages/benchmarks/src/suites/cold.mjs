// The cold path, as a destination's jest suite meets it: every sample is a new Node process that
// loads the core, defines the workload destination and runs a handful of events through mappings
// it has never seen (cold-child.cjs). Samples alternate between the contenders (the order
// reversed every other pair), and each contender's figure is its median sample.
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const child = fileURLToPath(new URL('./cold-child.cjs', import.meta.url))
const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 20)

function sample(contender) {
  const output = execFileSync(process.execPath, [child, contender], { encoding: 'utf8' })
  return JSON.parse(output)
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

export function coldSuite() {
  const contenders = ['ours', 'reference']
  const samples = { ours: [], reference: [] }
  let expected
  for (let run = 0; run < RUNS; run++) {
    const order = run % 2 === 0 ? contenders : [...contenders].reverse()
    for (const contender of order) {
      const result = sample(contender)
      const payloads = JSON.stringify(result.payloads)
      // Both must deliver the same payloads, or the ratio would compare different work.
      expected ??= payloads
      if (payloads !== expected) throw new Error(`cold: ${contender} delivered other payloads than the first sample`)
      samples[contender].push(result)
    }
  }
  const figure = (contender, key) => median(samples[contender].map((result) => result[key]))
  return {
    runs: RUNS,
    rows: ['totalMs', 'loadMs', 'runMs'].map((key) => ({
      key,
      ours: figure('ours', key),
      reference: figure('reference', key)
    })),
    target: 2
  }
}
