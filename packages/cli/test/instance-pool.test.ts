import type { RuntimeDestination } from '../src/lib/core-runtime'
import { toErrorAnswer } from '../src/lib/server/error-response'
import { InstancePool } from '../src/lib/server/instance-pool'

function instance(name: string): RuntimeDestination {
  return {
    definition: { name, actions: {} },
    actions: {},
    responses: [],
    testAuthentication: async () => undefined,
    refreshAccessToken: async () => undefined
  }
}

describe('InstancePool', () => {
  it('lends the loaded instance, then spares while it is busy, and reuses released spares', async () => {
    const loaded = instance('v1')
    const built: RuntimeDestination[] = []
    const pool = new InstancePool(
      () => loaded,
      (template) => {
        const spare = instance(`${template.definition.name} spare ${built.length + 1}`)
        built.push(spare)
        return spare
      }
    )
    const first = await pool.lease()
    const second = await pool.lease()
    expect(first.destination).toBe(loaded)
    expect(second.destination.definition.name).toBe('v1 spare 1')
    second.destination.responses.push({ status: 200 })
    second.release()
    const third = await pool.lease()
    expect(third.destination).toBe(second.destination)
    // A lent instance starts with no responses of an earlier request.
    expect(third.destination.responses).toEqual([])
    first.release()
    expect((await pool.lease()).destination).toBe(loaded)
    expect(built).toHaveLength(1)
  })

  it('builds spares from the newest instance after a reload', async () => {
    let loaded = instance('v1')
    const pool = new InstancePool(
      () => loaded,
      (template) => instance(`${template.definition.name} spare`)
    )
    const old = await pool.lease()
    loaded = instance('v2')
    const fresh = await pool.lease()
    const spare = await pool.lease()
    expect([old.destination.definition.name, fresh.destination.definition.name]).toEqual(['v1', 'v2'])
    expect(spare.destination.definition.name).toBe('v2 spare')
  })

  it('without a way to build spares, lends the one instance to each request in turn', async () => {
    const shared = instance('shared')
    const serial = new InstancePool(() => shared)
    const order: string[] = []
    const first = await serial.lease()
    const waiting = serial.lease().then((lease) => {
      order.push('second lent')
      return lease
    })
    await new Promise((resolve) => setImmediate(resolve))
    order.push('first released')
    first.release()
    const second = await waiting
    expect(order).toEqual(['first released', 'second lent'])
    expect(second.destination).toBe(shared)
  })
})

describe('toErrorAnswer for a partner that does not answer in time', () => {
  const named = (name: string, extra: Record<string, unknown> = {}) =>
    Object.assign(new Error(`${name} happened`), { name, ...extra })

  it('answers 504 for every kind of timeout and 502 for an unreachable partner', () => {
    expect(toErrorAnswer(named('TimeoutError', { code: 'ETIMEDOUT' })).status).toBe(504)
    expect(toErrorAnswer(named('RequestTimeoutError', { status: 408 })).status).toBe(504)
    expect(toErrorAnswer(named('SelfTimeoutError', { status: 408 })).status).toBe(504)
    expect(toErrorAnswer(named('Error', { code: 'ETIMEDOUT' })).status).toBe(504)
    expect(toErrorAnswer(named('FetchError')).status).toBe(502)
    expect(toErrorAnswer(named('HTTPError', { response: { status: 429 } })).status).toBe(429)
    expect(toErrorAnswer(new Error('plain')).status).toBe(500)
  })
})
