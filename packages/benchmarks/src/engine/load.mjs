// The load generator and the fake destination API, both in the benchmark's own process.
import http from 'http'

/** A batch request body of `count` track events with messageIds unique to this run. */
export function batchBody(runId, first, count) {
  const events = []
  for (let i = first; i < first + count; i++) {
    events.push(
      `{"type":"track","userId":"user-${i % 5000}","event":"Order Completed","messageId":"${runId}-${i}",` +
        `"properties":{"total":${(i % 997) / 10},"sku":"SKU-${i % 113}","currency":"USD"},` +
        `"context":{"ip":"10.0.0.1","library":{"name":"engine-bench","version":"1.0.0"}}}`
    )
  }
  return `{"batch":[${events.join(',')}]}`
}

/**
 * Posts `total` events to `${url}/v1/batch` in requests of `perRequest`, `concurrency` requests in
 * flight on keep-alive connections. Resolves with the elapsed seconds; rejects on any non-200.
 */
export async function postEvents({ url, total, perRequest = 100, concurrency = 16, runId, first = 0 }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency })
  const target = new URL('/v1/batch', url)
  const auth = 'Basic ' + Buffer.from('bench-key:').toString('base64')
  let next = first
  const end = first + total
  const started = process.hrtime.bigint()
  async function lane() {
    while (next < end) {
      const from = next
      const count = Math.min(perRequest, end - from)
      next += count
      const body = batchBody(runId, from, count)
      await new Promise((resolve, reject) => {
        const req = http.request(
          target,
          {
            method: 'POST',
            agent,
            headers: {
              authorization: auth,
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body)
            }
          },
          (res) => {
            res.resume()
            res.on('end', () =>
              res.statusCode === 200 ? resolve() : reject(new Error(`ingest answered ${res.statusCode}`))
            )
          }
        )
        req.on('error', reject)
        req.end(body)
      })
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane))
  agent.destroy()
  return Number(process.hrtime.bigint() - started) / 1e9
}

/** The destination's API on 127.0.0.1: counts delivered events (a batch body is an array). */
export async function startFakeApi() {
  let delivered = 0
  let requests = 0
  const waiters = []
  const server = http.createServer((req, res) => {
    const chunks = []
    req.on('data', (chunk) => chunks.push(chunk))
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
      delivered += Array.isArray(body) ? body.length : 1
      requests++
      for (let i = waiters.length - 1; i >= 0; i--) {
        if (delivered >= waiters[i].count) waiters.splice(i, 1)[0].resolve()
      }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"ok":true}')
    })
  })
  server.keepAliveTimeout = 60_000
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    delivered: () => delivered,
    requests: () => requests,
    /** Resolves once `count` events arrived in all, or rejects after `timeoutMs`. */
    waitFor(count, timeoutMs) {
      if (delivered >= count) return Promise.resolve()
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`only ${delivered} of ${count} events delivered after ${timeoutMs} ms`)),
          timeoutMs
        )
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) })
      })
    },
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve)))
  }
}
