// yarn bench: every speed figure of the project, ours against the reference in one process run.
// Options: --only=fql,mapping,destination,memory,cli,cold   BENCH_TIME_MS (per task, default 1000)
//          BENCH_COLD_RUNS (processes per contender in the cold suite, default 20)
//          BENCH_MEMORY_EVENTS (default 2,000,000)
//          engine: BENCH_ENGINE_EVENTS (default 200,000), BENCH_ENGINE_SINGLE_EVENTS (default 20,000),
//          BENCH_ENGINE_MEMORY_EVENTS (default 1,000,000; 0 skips the memory run)
import { formatOps } from './measure.mjs'
import { fqlSuite } from './suites/fql.mjs'
import { mappingKitSuite } from './suites/mapping-kit.mjs'
import { destinationSuite } from './suites/destination.mjs'
import { memorySuite } from './suites/memory.mjs'
import { cliSuite } from './suites/cli.mjs'
import { engineSuite, printEngineResults } from './engine/engine-suite.mjs'
import { coldSuite } from './suites/cold.mjs'

const suites = { fql: fqlSuite, mapping: mappingKitSuite, destination: destinationSuite }
const onlyArgument = process.argv.find((argument) => argument.startsWith('--only='))
const extraSuites = ['memory', 'cli', 'cold', 'engine']
const only = onlyArgument ? onlyArgument.slice('--only='.length).split(',') : [...Object.keys(suites), ...extraSuites]
const unknown = only.filter((name) => !(name in suites) && !extraSuites.includes(name))
if (unknown.length > 0) {
  console.error(
    `Unknown suite(s): ${unknown.join(', ')}. Known: ${[...Object.keys(suites), ...extraSuites].join(', ')}`
  )
  process.exit(2)
}

function printRow(row) {
  const oursOps = row.ops.ours
  const baselineOps = row.ops[row.baseline]
  const ratio = oursOps / baselineOps
  const others = Object.entries(row.ops)
    .map(([name, value]) => `${name} ${formatOps(value)} ops/s`)
    .join(' | ')
  let verdict = ''
  if (row.target !== undefined) {
    const targetText = row.target >= 1 ? `≥ ${row.target}×` : `within ${Math.round(1 / row.target)}×`
    verdict = ` target ${targetText}: ${ratio >= row.target ? 'met' : 'NOT met'}`
  }
  console.log(`${row.name}\n  ${others}\n  ours / ${row.baseline} = ${ratio.toFixed(2)}×${verdict}`)
}

console.log(`Node ${process.version}, ${new Date().toISOString()}`)
for (const name of only) {
  if (extraSuites.includes(name)) continue
  console.log(`\n== ${name} ==`)
  for (const row of await suites[name]()) printRow(row)
}
if (only.includes('memory')) {
  console.log('\n== memory (ours, Destination.onEvent, heap after GC) ==')
  const result = await memorySuite()
  if (result.skipped) console.log(`  skipped: ${result.skipped}`)
  else {
    for (const point of result.heap)
      console.log(`  ${point.events.toLocaleString('en-US')} events: ${point.heapUsedMiB.toFixed(1)} MiB`)
    console.log(`  growth after warm-up: ${result.growthMiB.toFixed(1)} MiB`)
  }
}
if (only.includes('cli')) {
  console.log('\n== cli (bin/run --help, a new process each run) ==')
  const result = cliSuite()
  const verdict = result.medianSeconds < result.target ? 'met' : 'NOT met'
  console.log(
    `  median ${result.medianSeconds.toFixed(3)} s, slowest ${result.maxSeconds.toFixed(3)} s over ${result.runs} runs; target < ${result.target} s: ${verdict}`
  )
}
if (only.includes('cold')) {
  console.log('\n== cold (a new process per sample: load the core, define a destination, run new mappings) ==')
  const result = coldSuite()
  for (const row of result.rows) {
    console.log(`  ${row.key}: ours ${row.ours.toFixed(1)} ms | reference ${row.reference.toFixed(1)} ms`)
  }
  const total = result.rows[0]
  const ratio = total.reference / total.ours
  const verdict = ratio >= result.target ? 'met' : 'NOT met'
  console.log(
    `  reference / ours (total, median of ${result.runs} processes each) = ${ratio.toFixed(2)}× faster; target ≥ ${result.target}×: ${verdict}`
  )
}
if (only.includes('engine')) {
  console.log('\n== engine (events/s over HTTP on 127.0.0.1, embedded SQLite store, engine in a child process) ==')
  const count = (name, fallback) => (process.env[name] === undefined ? fallback : Number(process.env[name]))
  printEngineResults(
    await engineSuite({
      events: count('BENCH_ENGINE_EVENTS', 200_000),
      singleEvents: count('BENCH_ENGINE_SINGLE_EVENTS', 20_000),
      memoryEvents: count('BENCH_ENGINE_MEMORY_EVENTS', 1_000_000)
    })
  )
}
