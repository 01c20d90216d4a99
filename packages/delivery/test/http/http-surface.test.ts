import { request } from 'http'
import { basic, startTestApp, type TestApp } from './fixture'

let app: TestApp
beforeEach(async () => (app = await startTestApp()))
afterEach(() => app.close())

function call(method: string, path: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: app.port, method, path, headers }, (res) => {
      let text = ''
      res.on('data', (chunk) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

const track = JSON.stringify({ userId: 'u1', event: 'Order Completed' })

describe('Host and Origin checks', () => {
  it('refuses a foreign Host on admin, metrics and health, but not on ingest', async () => {
    const own = `127.0.0.1:${app.port}`
    expect((await call('GET', '/health', { host: own })).status).toBe(200)
    expect((await call('GET', '/health', { host: `localhost:${app.port}` })).status).toBe(200)
    const foreign = await call('GET', '/health', { host: 'evil.example:80' })
    expect(foreign.status).toBe(403)
    expect(JSON.parse(foreign.body).message).toBe(
      'Host "evil.example:80" is not this server: use one of localhost, 127.0.0.1, [::1], ::1 ' +
        '(requests for other names are refused to block DNS rebinding; pass --allowed-host to add one)'
    )
    expect((await call('GET', '/metrics', { host: 'evil.example' })).status).toBe(403)
    expect((await call('GET', '/admin/config', { host: 'evil.example' })).status).toBe(403)
    const ingest = await call('POST', '/v1/track', { host: 'collector.example', authorization: basic('wk-web') }, track)
    expect(ingest.status).toBe(200)
  })

  it('refuses cross-site requests on admin routes and answers any origin on ingest', async () => {
    const own = `127.0.0.1:${app.port}`
    const auth = { host: own, authorization: 'Bearer test-admin-token' }
    expect((await call('GET', '/admin/config', { ...auth, origin: 'https://evil.example' })).status).toBe(403)
    expect((await call('GET', '/admin/config', { ...auth, 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    const same = await call('GET', '/admin/config', { ...auth, origin: `http://${own}` })
    expect(same.status).toBe(200)
    expect(same.headers['access-control-allow-origin']).toBeUndefined()
    const preflight = await call('OPTIONS', '/v1/track', { host: own, origin: 'https://shop.example' })
    expect(preflight.status).toBe(204)
    expect(preflight.headers['access-control-allow-origin']).toBe('*')
    expect(String(preflight.headers['access-control-allow-headers'])).toContain('Authorization')
    const cross = await call(
      'POST',
      '/v1/track',
      { host: own, origin: 'https://shop.example', 'content-type': 'text/plain' },
      JSON.stringify({ userId: 'u1', event: 'x', writeKey: 'wk-web' })
    )
    expect(cross.status).toBe(200)
    expect(cross.headers['access-control-allow-origin']).toBe('*')
  })

  it('sends a Content-Security-Policy on every answer', async () => {
    const health = await call('GET', '/health', { host: `127.0.0.1:${app.port}` })
    expect(String(health.headers['content-security-policy'])).toContain("frame-ancestors 'none'")
    expect(health.headers['x-content-type-options']).toBe('nosniff')
  })
})

describe('/health and /metrics', () => {
  it('answers 200 when ready and 503 while starting or stopping', async () => {
    const host = `127.0.0.1:${app.port}`
    expect(JSON.parse((await call('GET', '/health', { host })).body)).toEqual({ status: 'ready' })
    app.setState('stopping')
    expect((await call('GET', '/health', { host })).status).toBe(503)
    app.setState('starting')
    expect(JSON.parse((await call('GET', '/health', { host })).body)).toEqual({ status: 'starting' })
  })

  it('serves Prometheus text with counters per instance, subscription and code, and queue gauges', async () => {
    const host = `127.0.0.1:${app.port}`
    await call('POST', '/v1/track', { host, authorization: basic('wk-web') }, track)
    await call(
      'POST',
      '/v1/track',
      { host, authorization: basic('wk-web') },
      JSON.stringify({ userId: 'u', event: 'Other' })
    )
    app.metrics.count([{ instance: 'main', subscriptionId: 's', metric: 'failed', code: 'BAD_REQUEST', count: 2 }])
    app.metrics.observeDeliveryLatency('main', 's', 0.3)
    const metrics = await call('GET', '/metrics', { host })
    expect(metrics.status).toBe(200)
    expect(String(metrics.headers['content-type'])).toContain('text/plain')
    const id = app.watcher.current().destinations[0].subscriptions[0].id
    expect(metrics.body).toContain(`delivery_received_total{instance="main",subscription="${id}",code=""} 2`)
    expect(metrics.body).toContain(`delivery_filtered_no_match_total{instance="main",subscription="${id}",code=""} 1`)
    expect(metrics.body).toContain('delivery_failed_total{instance="main",subscription="s",code="BAD_REQUEST"} 2')
    expect(metrics.body).toContain(
      'delivery_receipt_to_delivery_seconds_bucket{le="0.5",instance="main",subscription="s"} 1'
    )
    expect(metrics.body).toContain(`delivery_jobs_pending{instance="main",subscription="${id}"} 1`)
  })
})
