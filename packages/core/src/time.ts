// High-resolution clock reading, for measuring durations.
export function time(): bigint {
  return process.hrtime.bigint()
}

// Milliseconds between two `time()` readings.
export function duration(start: bigint, stop: bigint): number {
  return Number(stop - start) / 1e6
}
