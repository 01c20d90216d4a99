// The delivery side of the console against a real SQLite store: the funnel and its trend, the
// event log with secrets blanked, dead letters and their replay.
import { GOOD_KEY, item, startHarness, type Harness } from './console-fixtures'

const NOW = Date.now()
let harness: Harness

beforeEach(async () => {
  harness = await startHarness({ now: () => NOW })
})
afterEach(async () => {
  await harness.close()
})

const tracks = { instance: 'ping-prod', subscriptionId: 'tracks' }

/** Stores `n` track events, claims their jobs and settles them as `kinds` say, in order. */
async function deliverSome(kinds: Array<'delivered' | 'retry' | 'dead'>) {
  const items = kinds.map((_kind, i) => item('track', `Event ${i}`, NOW - 60_000 + i))
  await harness.store.ingest(items, 60_000, (accepted) => [
    { ...tracks, metric: 'received', count: accepted.filter(Boolean).length },
    { ...tracks, metric: 'filtered_no_match', count: 1 }
  ])
  const jobs = await harness.store.claimJobs({ worker: 'w1', limit: 100, leaseMs: 30_000, now: NOW })
  const error = { status: 500, code: 'INTERNAL_SERVER_ERROR', message: `upstream said no to ${GOOD_KEY}` }
  await harness.store.settle(
    jobs.map((job, i) =>
      kinds[i] === 'delivered'
        ? { jobId: job.id, kind: 'delivered' as const, at: NOW - 1000 }
        : kinds[i] === 'retry'
          ? { jobId: job.id, kind: 'retry' as const, dueAt: NOW + 60_000, error }
          : { jobId: job.id, kind: 'dead' as const, at: NOW - 1000, error }
    ),
    [
      { ...tracks, metric: 'delivered', count: kinds.filter((kind) => kind === 'delivered').length },
      { ...tracks, metric: 'retried', count: kinds.filter((kind) => kind === 'retry').length },
      {
        ...tracks,
        metric: 'dead_lettered',
        code: 'INTERNAL_SERVER_ERROR',
        count: kinds.filter((kind) => kind === 'dead').length
      },
      { ...tracks, metric: 'failed_validation', count: 2 }
    ],
    [
      {
        ...tracks,
        at: NOW - 1000,
        messageIds: [jobs[0].messageId],
        outcome: 'retry',
        status: 500,
        error,
        request: {
          method: 'POST',
          url: `https://api.example.test/ping?key=${GOOD_KEY}`,
          headers: { authorization: `Bearer ${GOOD_KEY}`, 'x-note': `carries ${GOOD_KEY}` },
          body: JSON.stringify({ apiKey: GOOD_KEY, userId: 'u1' })
        },
        response: { status: 500, headers: { 'set-cookie': 'session=abc' }, body: 'oops' },
        nextRetryAt: NOW + 60_000
      }
    ]
  )
  return jobs
}

it('reads the funnel for the last hour and day, with a trend per minute or hour', async () => {
  await deliverSome(['delivered', 'delivered', 'delivered', 'retry', 'dead'])
  const answer = await harness.request('GET', '/console-api/overview?instance=ping-prod')
  expect(answer.status).toBe(200)
  const [overview] = answer.json.subscriptions
  expect(answer.json.period).toBe('hour')
  expect(overview).toMatchObject({
    instance: 'ping-prod',
    subscriptionId: 'tracks',
    name: 'Tracks',
    pending: 1,
    dead: 1,
    funnel: {
      received: 5,
      filteredNoMatch: 1,
      failedValidation: 2,
      delivered: 3,
      retried: 1,
      deadLettered: { INTERNAL_SERVER_ERROR: 1 }
    }
  })
  expect(overview.series.step).toBe(60_000)
  expect(overview.series.delivered).toHaveLength(60)
  expect(overview.series.delivered.reduce((a: number, b: number) => a + b, 0)).toBe(3)

  const day = (await harness.request('GET', '/console-api/overview?instance=ping-prod&period=day')).json
  expect(day.subscriptions[0].funnel.delivered).toBe(3)
  expect(day.subscriptions[0].series.delivered).toHaveLength(24)
  expect((await harness.request('GET', '/console-api/overview?period=week')).status).toBe(400)

  const listed = await harness.request('GET', '/console-api/destinations')
  const subscription = listed.json.destinations[0].subscriptions[0]
  expect(subscription.lastHour).toMatchObject({ delivered: 3, failed: 2 })
  expect(subscription.lastHour.series.delivered).toHaveLength(12)
  expect((await harness.request('GET', '/console-api/overview?instance=other')).json.subscriptions).toEqual([])
})

it('shows attempts with every secret blanked', async () => {
  await deliverSome(['retry'])
  const answer = await harness.request('GET', '/console-api/attempts?instance=ping-prod&subscriptionId=tracks')
  expect(answer.status).toBe(200)
  expect(answer.text).not.toContain(GOOD_KEY)
  expect(answer.text).not.toContain('session=abc')
  const [attempt] = answer.json
  expect(attempt).toMatchObject({
    outcome: 'retry',
    status: 500,
    nextRetryAt: NOW + 60_000,
    subscriptionName: 'Tracks'
  })
  expect(attempt.request.url).toBe('https://api.example.test/ping?key=********')
  expect(attempt.request.headers).toEqual({ authorization: '********', 'x-note': 'carries ********' })
  expect(JSON.parse(attempt.request.body)).toEqual({ apiKey: '********', userId: 'u1' })
  expect(attempt.error.message).toBe('upstream said no to ********')
})

it('lists dead letters and replays one, then all', async () => {
  await deliverSome(['dead', 'dead', 'dead'])
  const listed = await harness.request('GET', '/console-api/dead-letters?subscriptionId=tracks')
  expect(listed.json).toHaveLength(3)
  expect(listed.json[0]).toMatchObject({
    instance: 'ping-prod',
    subscriptionName: 'Tracks',
    attempts: 1,
    error: { code: 'INTERNAL_SERVER_ERROR' }
  })

  const one = await harness.request('POST', '/console-api/dead-letters/replay', {
    body: { jobIds: [listed.json[0].jobId] }
  })
  expect(one.json).toEqual({ replayed: 1 })
  expect((await harness.request('GET', '/console-api/dead-letters')).json).toHaveLength(2)
  const event = await harness.request('GET', `/console-api/events/${listed.json[0].messageId}`)
  expect(event.json.jobs[0].state).toBe('pending')

  const all = await harness.request('POST', '/console-api/dead-letters/replay', {
    body: { all: true, instance: 'ping-prod' }
  })
  expect(all.json).toEqual({ replayed: 2 })
  expect((await harness.request('GET', '/console-api/dead-letters')).json).toEqual([])

  const bad = await harness.request('POST', '/console-api/dead-letters/replay', { body: { jobIds: [] } })
  expect(bad.status).toBe(400)
  expect(bad.json.error.message).toMatch(/jobIds/)
  expect((await harness.request('POST', '/console-api/dead-letters/replay', { body: {} })).status).toBe(400)
})
