import type { DestinationDefinition } from '@action-destinations/core'
import {
  MAX_BODY_CHARS,
  REDACTED,
  redactBody,
  redactHeaders,
  redactUrl,
  secretValuesOf
} from '../../src/deliver/redact'
import { WorkQueue } from '../../src/deliver/work-queue'
import type { BatchPlan } from '../../src/route/batch-plan'
import type { ClaimedJob } from '../../src/store/types'

describe('redaction', () => {
  const definition = {
    name: 'x',
    mode: 'cloud',
    authentication: {
      scheme: 'custom',
      fields: {
        apiKey: { label: 'k', description: 'k', type: 'password' },
        region: { label: 'r', description: 'r', type: 'string' }
      }
    },
    actions: {}
  } as unknown as DestinationDefinition<unknown>
  const secrets = secretValuesOf(definition, {
    apiKey: 'sk_live_123',
    region: 'eu',
    oauth: { access_token: 'tok-abc', clientId: 'public-id' }
  })

  it('collects password-type settings and OAuth tokens, not other settings', () => {
    expect(secrets.sort()).toEqual(['sk_live_123', 'tok-abc'])
  })

  it('hides URL user info, secret query parameters and secret values in the URL', () => {
    const url = redactUrl('https://user:pw@api.example.com/v1/sk_live_123/x?api_key=abc&page=2&access_token=t', secrets)
    expect(url).not.toMatch(/user|pw|abc|sk_live_123|=t\b/)
    expect(url).toContain('page=2')
    expect(url).toContain(encodeURIComponent(REDACTED))
  })

  it('hides secret headers by name and secret values in others', () => {
    const headers = redactHeaders(
      [
        ['Authorization', 'Basic xyz'],
        ['X-Api-Key', 'k'],
        ['X-Custom', 'Bearer sk_live_123'],
        ['Accept', 'application/json']
      ],
      secrets
    )
    expect(headers).toEqual({
      Authorization: REDACTED,
      'X-Api-Key': REDACTED,
      'X-Custom': `Bearer ${REDACTED}`,
      Accept: 'application/json'
    })
  })

  it('cuts long bodies after hiding secrets', () => {
    expect(redactBody('{"key":"tok-abc"}', secrets)).toBe(`{"key":"${REDACTED}"}`)
    const long = `${'a'.repeat(MAX_BODY_CHARS - 3)}tok-abc${'b'.repeat(10_000)}`
    const cut = redactBody(long, secrets) ?? ''
    expect(cut).not.toContain('tok')
    expect(cut.startsWith('a'.repeat(MAX_BODY_CHARS - 3))).toBe(true)
    expect(cut).toMatch(/… \(\d+ characters\)$/)
    expect(redactBody(undefined, secrets)).toBeUndefined()
  })
})

function job(id: number, groupKey = '', body = '{}'): ClaimedJob {
  return {
    id: String(id),
    instance: 'i',
    subscriptionId: 's',
    action: 'a',
    groupKey,
    eventId: String(id),
    messageId: `m${id}`,
    source: 'web',
    receivedAt: 0,
    retryFrom: 0,
    body,
    attempts: 0,
    leaseUntil: 1e12
  }
}

const batching = (batchSize: number, batchBytes?: number): BatchPlan => ({
  batching: true,
  batchSize,
  batchBytes,
  groupKey: () => ''
})

describe('WorkQueue', () => {
  it('closes a group when full, by group key, and the rest after linger', () => {
    const queue = new WorkQueue()
    for (let n = 0; n < 5; n++) queue.add(job(n, n % 2 === 0 ? 'even' : 'odd'), batching(2), 0)
    expect(queue.size).toBe(5)
    const full = [queue.take('i'), queue.take('i')].map((item) => item?.jobs.map((j) => j.id))
    expect(full).toEqual([
      ['0', '2'],
      ['1', '3']
    ])
    expect(queue.take('i')).toBeUndefined()
    expect(queue.closeDue(50, 100)).toBe(100)
    expect(queue.closeDue(100, 100)).toBeUndefined()
    expect(queue.take('i')?.jobs.map((j) => j.id)).toEqual(['4'])
    expect(queue.size).toBe(0)
  })

  it('starts a new batch before the bytes limit would be passed', () => {
    const queue = new WorkQueue()
    const body = 'x'.repeat(40)
    for (let n = 0; n < 3; n++) queue.add(job(n, '', body), batching(100, 100), 0)
    expect(queue.take('i')?.jobs).toHaveLength(2)
    queue.closeAll()
    expect(queue.take('i')?.jobs).toHaveLength(1)
  })

  it('one-by-one jobs are ready at once; drain takes what matches', () => {
    const queue = new WorkQueue()
    const single: BatchPlan = { batching: false, batchSize: 1, groupKey: () => '' }
    queue.add(job(1), single, 0)
    queue.add(job(2), batching(10), 0)
    expect(queue.waiting('i')).toBe(2)
    expect(queue.drain(undefined, (item) => !item.batch).map((j) => j.id)).toEqual(['1'])
    expect(queue.drain('i').map((j) => j.id)).toEqual(['2'])
    expect(queue.size).toBe(0)
    expect(queue.waiting('i')).toBe(0)
  })
})
