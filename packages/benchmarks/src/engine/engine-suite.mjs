// The engine's throughput beside a no-op HTTP server's, and its memory over many events.
// Each contender runs in a child process; the load generator and the fake API run here.
import { fork } from 'child_process'
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { fileURLToPath } from 'url'
import { postEvents, startFakeApi } from './load.mjs'

const here = fileURLToPath(new URL('.', import.meta.url))

function startChild(script, args) {
  const child = fork(join(here, script), args, {
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc']
  })
  const ready = new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(message.url))
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)))
  })
  return {
    ready,
    memory: () =>
      new Promise((resolve) => {
        child.once('message', (message) => resolve(message.memory))
        child.send('memory')
      }),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve)
        child.send('stop')
      })
  }
}

async function withEngine(mode, api, run) {
  const dir = mkdtempSync(join(tmpdir(), 'engine-bench-'))
  const child = startChild('engine-child.mjs', [mode, join(dir, 'engine.db'), api.url])
  try {
    return await run(await child.ready, child)
  } finally {
    await child.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

const MiB = 1024 * 1024
let runCounter = 0
const runId = () => `r${process.pid}-${Date.now()}-${runCounter++}`

export async function engineSuite(options = {}) {
  const events = options.events ?? 200_000
  const singleEvents = options.singleEvents ?? 20_000
  const memoryEvents = options.memoryEvents ?? 1_000_000
  const api = await startFakeApi()
  const results = {}
  try {
    const noop = startChild('noop-child.mjs', [])
    const noopUrl = await noop.ready
    await postEvents({ url: noopUrl, total: 20_000, runId: runId() })
    results.noop = events / (await postEvents({ url: noopUrl, total: events, runId: runId() }))
    await noop.stop()

    results.ingest = await withEngine('ingest', api, async (url) => {
      await postEvents({ url, total: 20_000, runId: runId() })
      return events / (await postEvents({ url, total: events, runId: runId() }))
    })

    for (const [name, mode, total] of [
      ['batching', 'batch', events],
      ['single', 'single', singleEvents]
    ]) {
      results[name] = await withEngine(mode, api, async (url) => {
        const base = api.delivered()
        const started = process.hrtime.bigint()
        const postSeconds = await postEvents({ url, total, runId: runId() })
        await api.waitFor(base + total, 600_000)
        const seconds = Number(process.hrtime.bigint() - started) / 1e9
        return { delivered: total / seconds, ingest: total / postSeconds }
      })
    }

    if (memoryEvents > 0) {
      results.memory = await withEngine('batch', api, async (url, child) => {
        const step = Math.max(10_000, Math.floor(memoryEvents / 10))
        const samples = []
        const id = runId()
        const base = api.delivered()
        for (let sent = 0; sent < memoryEvents; sent += step) {
          await postEvents({ url, total: step, runId: id, first: sent })
          await api.waitFor(base + sent + step, 600_000)
          const usage = await child.memory()
          samples.push({ events: sent + step, rssMiB: usage.rss / MiB, heapMiB: usage.heapUsed / MiB })
        }
        return samples
      })
    }
  } finally {
    await api.close()
  }
  return results
}

export function printEngineResults(results) {
  const fmt = (value) => Math.round(value).toLocaleString('en-US')
  const verdict = (value, target) => `target ≥ ${fmt(target)}/s: ${value >= target ? 'met' : 'NOT met'}`
  console.log(`  no-op node http server: ${fmt(results.noop)} events/s (same /v1/batch requests of 100 events)`)
  console.log(`  ingest alone: ${fmt(results.ingest)} events/s, ${verdict(results.ingest, 50_000)}`)
  console.log(
    `  end to end, batching action: ${fmt(results.batching.delivered)} events/s delivered (ingest ${fmt(results.batching.ingest)}/s meanwhile), ${verdict(results.batching.delivered, 20_000)}`
  )
  console.log(
    `  end to end, one by one: ${fmt(results.single.delivered)} events/s delivered (ingest ${fmt(results.single.ingest)}/s meanwhile), ${verdict(results.single.delivered, 3_000)}`
  )
  if (results.memory) {
    console.log('  engine memory (after GC) while delivering with batching:')
    for (const sample of results.memory) {
      console.log(
        `    ${sample.events.toLocaleString('en-US')} events: rss ${sample.rssMiB.toFixed(1)} MiB, heap ${sample.heapMiB.toFixed(1)} MiB`
      )
    }
  }
}
