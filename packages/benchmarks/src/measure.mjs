// Runs competing implementations of one task in the same process and reports ops/s and ratios.
import { Bench } from 'tinybench'

export const timeBudget = { ms: Number(process.env.BENCH_TIME_MS ?? 1000) }

/**
 * @param {string} title what is measured
 * @param {Record<string, () => unknown>} contenders name -> one operation; the first is ours
 * @param {{ repeat?: number }} options `repeat` runs a synchronous operation that many times per
 *   sample: tinybench times every sample, and for sub-microsecond operations that timing would
 *   otherwise be most of what is measured
 * @returns {Promise<Record<string, number>>} ops/s by contender name
 */
export async function compare(title, contenders, { repeat = 1 } = {}) {
  const bench = new Bench({ time: timeBudget.ms, warmupTime: Math.min(300, timeBudget.ms) })
  for (const [name, fn] of Object.entries(contenders)) {
    bench.add(
      name,
      repeat === 1
        ? fn
        : () => {
            for (let i = 0; i < repeat; i++) fn()
          }
    )
  }
  await bench.run()
  const opsPerSecond = {}
  for (const task of bench.tasks) {
    if (task.result?.error) throw new Error(`${title} / ${task.name} failed: ${task.result.error.message}`)
    opsPerSecond[task.name] = task.result.throughput.mean * repeat
  }
  return opsPerSecond
}

export function formatOps(value) {
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)}M`
  if (value >= 1e3) return `${(value / 1e3).toFixed(1)}k`
  return value.toFixed(1)
}
