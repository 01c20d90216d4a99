// Runs competing implementations of one task in the same process and reports ops/s and ratios.
import { Bench } from 'tinybench'

export const timeBudget = { ms: Number(process.env.BENCH_TIME_MS ?? 1000) }

/**
 * A loop calling `fn` `repeat` times, compiled from a source of its own for each contender.
 * Closures of one function literal share the engine's type feedback, and tinybench warms every
 * task up before timing any: one shared loop would reach each contender through a call site
 * that has seen all of them, and which contender got inlined would depend on the order of events.
 */
function repeatLoop(name, fn, repeat) {
  // The name in a comment makes each source distinct, so the engine's eval cache does not share it.
  return new Function(
    'fn',
    'repeat',
    `/* ${name.replace(/\*\//g, '')} */ return () => { for (let i = 0; i < repeat; i++) fn() }`
  )(fn, repeat)
}

/** Rounds each contender is timed in, alternating with the others (see compare). */
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/**
 * Times every contender in `ROUNDS` short rounds that alternate between them (the order reversed
 * every other round), and reports each contender's median round. A machine shared with other
 * work runs at different speeds for seconds at a time; timing one contender for its whole budget
 * and then the other would let such a phase decide the ratio.
 *
 * @param {string} title what is measured
 * @param {Record<string, () => unknown>} contenders name -> one operation; the first is ours
 * @param {{ repeat?: number }} options `repeat` runs a synchronous operation that many times per
 *   sample: tinybench times every sample, and for sub-microsecond operations that timing would
 *   otherwise be most of what is measured
 * @returns {Promise<Record<string, number>>} ops/s by contender name (the median round)
 */
export async function compare(title, contenders, { repeat = 1 } = {}) {
  const tasks = Object.entries(contenders).map(([name, fn]) => [name, repeat === 1 ? fn : repeatLoop(name, fn, repeat)])
  const rounds = Object.fromEntries(tasks.map(([name]) => [name, []]))
  const roundMs = timeBudget.ms / ROUNDS
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? tasks : [...tasks].reverse()
    for (const [name, fn] of order) {
      // One task per Bench, so tinybench's warm-up runs right before the task it warms.
      const bench = new Bench({ time: roundMs, warmup: round === 0, warmupTime: Math.min(300, timeBudget.ms) })
      bench.add(name, fn)
      await bench.run()
      const [task] = bench.tasks
      if (task.result?.error) throw new Error(`${title} / ${name} failed: ${task.result.error.message}`)
      rounds[name].push(task.result.throughput.mean * repeat)
    }
  }
  return Object.fromEntries(Object.entries(rounds).map(([name, values]) => [name, median(values)]))
}

export function formatOps(value) {
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)}M`
  if (value >= 1e3) return `${(value / 1e3).toFixed(1)}k`
  return value.toFixed(1)
}
