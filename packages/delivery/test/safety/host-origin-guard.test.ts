// The one Host / Origin guard, as the engine configures it (names only, cross-site reads refused)
// and as `serve` does (port checked, cross-site GETs let through).
import type { Request, Response } from 'express'
import { hostOriginGuard, type HostOriginOptions } from '../../src/safety'

interface Outcome {
  passed: boolean
  refusal?: { status: number; message: string }
}

function run(options: Omit<HostOriginOptions, 'answer'>, method: string, headers: Record<string, string>): Outcome {
  const outcome: Outcome = { passed: false }
  const guard = hostOriginGuard({
    ...options,
    answer: (_res, status, message) => {
      outcome.refusal = { status, message }
    }
  })
  const req = { method, path: '/x', headers, socket: { localPort: 3100 } } as unknown as Request
  guard(req, {} as Response, () => {
    outcome.passed = true
  })
  return outcome
}

const engine = { names: ['localhost', '127.0.0.1'] }
const serve = { names: ['localhost', '127.0.0.1'], checkPort: true, allowCrossSiteReads: true }

describe('hostOriginGuard', () => {
  it('checks the Host name, and the port only when asked', () => {
    expect(run(engine, 'GET', { host: 'localhost:9999' }).passed).toBe(true)
    expect(run(serve, 'GET', { host: 'localhost:3100' }).passed).toBe(true)
    expect(run(serve, 'GET', { host: 'localhost:9999' }).refusal).toEqual({
      status: 403,
      message: 'Host "localhost:9999" is not this server: use one of localhost:3100, 127.0.0.1:3100'
    })
    expect(run(engine, 'GET', { host: 'evil.example' }).refusal?.message).toBe(
      'Host "evil.example" is not this server: use one of localhost, 127.0.0.1'
    )
    expect(run({}, 'GET', { host: 'any.example' }).passed).toBe(true)
  })

  it('accepts an Origin equal to the Host, or (port checked) another accepted name on this port', () => {
    expect(run(engine, 'POST', { host: 'localhost:9999', origin: 'http://localhost:9999' }).passed).toBe(true)
    expect(run(engine, 'POST', { host: 'localhost:9999', origin: 'http://127.0.0.1:9999' }).passed).toBe(false)
    expect(run(serve, 'POST', { host: 'localhost:3100', origin: 'http://127.0.0.1:3100' }).passed).toBe(true)
    expect(run(serve, 'POST', { host: 'localhost:3100', origin: 'not a url' }).refusal?.message).toBe(
      'Origin "not a url" is another site: cross-site requests are refused'
    )
    expect(run(engine, 'GET', { host: 'localhost', origin: 'null' }).refusal?.message).toBe(
      'Cross-site requests are refused'
    )
  })

  it('lets cross-site GETs through only where allowed; cross-site writes never', () => {
    const crossSite = { host: 'localhost:3100', 'sec-fetch-site': 'cross-site' }
    expect(run(serve, 'GET', crossSite).passed).toBe(true)
    expect(run(serve, 'POST', crossSite).passed).toBe(false)
    expect(run(engine, 'GET', crossSite).passed).toBe(false)
  })
})
