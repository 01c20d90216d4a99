// Memory over many events: onEvent with the wide mapping and settings parsed from JSON per event, with the heap
// measured after a forced GC at checkpoints. A flat line means no per-event leak (caches are bounded).
import { ours, workload } from '../load.mjs'
import { workloadDefinition, workloadSettings } from './destination-definition.mjs'

export async function memorySuite({ events = Number(process.env.BENCH_MEMORY_EVENTS ?? 2_000_000) } = {}) {
  if (typeof globalThis.gc !== 'function') {
    return { skipped: 'run node with --expose-gc to measure memory' }
  }
  const destination = new ours.core.Destination(workloadDefinition('wide'))
  const settingsJson = JSON.stringify(workloadSettings('wide'))
  const checkpoints = 5
  const perCheckpoint = Math.ceil(events / checkpoints)
  const heap = []
  const measure = (eventsDone) => {
    globalThis.gc()
    heap.push({ events: eventsDone, heapUsedMiB: process.memoryUsage().heapUsed / 2 ** 20 })
  }
  measure(0)
  for (let checkpoint = 1; checkpoint <= checkpoints; checkpoint++) {
    for (let index = 0; index < perCheckpoint; index++) {
      // Each event a new messageId, as in real traffic, so nothing is served from a per-event cache.
      const event = { ...workload.event, messageId: `m-${checkpoint}-${index}` }
      await destination.onEvent(event, JSON.parse(settingsJson))
    }
    measure(checkpoint * perCheckpoint)
  }
  // Growth is judged from the first loaded checkpoint: the first batch of events fills caches and JIT state.
  const growthMiB = heap[heap.length - 1].heapUsedMiB - heap[1].heapUsedMiB
  return { heap, growthMiB }
}
