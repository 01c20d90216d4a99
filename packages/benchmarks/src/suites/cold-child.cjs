// One cold sample: a fresh Node process loads one contender's core, defines the workload
// destination and runs a handful of events through mappings it has never seen, as a
// destination's jest test file does. Prints the milliseconds spent, measured inside the process
// (Node's own start-up, the same for both, is left out).
const { performance } = require('node:perf_hooks')

const started = performance.now()
const which = process.argv[2]
const core = require(which === 'reference' ? '@segment/actions-core' : '@action-destinations/core')
const loaded = performance.now()

const { workload, definition, settingsOf, payloads } = require('./cold-workload.cjs')

async function main() {
  const destination = new core.Destination(definition())
  const events = workload.coldEvents
  for (const mappingName of ['wide', 'small']) {
    const settings = settingsOf(mappingName)
    for (const event of events) {
      const results = await destination.onEvent(event, settings)
      if (!Array.isArray(results) || results.length === 0) throw new Error(`${which}: no result`)
    }
  }
  const done = performance.now()
  const timing = { loadMs: loaded - started, runMs: done - loaded, totalMs: done - started }
  process.stdout.write(JSON.stringify({ ...timing, payloads }))
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
