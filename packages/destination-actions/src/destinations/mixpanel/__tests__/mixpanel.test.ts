import nock from 'nock'
import {
  InvalidAuthenticationError,
  PayloadValidationError,
  RetryableError,
  createTestEvent,
  createTestIntegration
} from '@action-destinations/core'
import destination from '../index'

const testDestination = createTestIntegration(destination)
const settings = { projectToken: 'token-1', apiSecret: 'secret-1', apiRegion: 'US' }
const timestamp = '2024-03-01T10:00:00.000Z'

describe('Mixpanel', () => {
  afterEach(() => nock.cleanAll())

  it('trackEvent imports the event with basic auth (secret as user name)', async () => {
    const scope = nock('https://api.mixpanel.com')
      .post('/import', [
        {
          event: 'Song Played',
          properties: {
            song: 'Blue',
            token: 'token-1',
            distinct_id: 'user-1',
            time: Date.parse(timestamp),
            $insert_id: 'msg-1',
            $device_id: 'anon-1',
            $user_id: 'user-1'
          }
        }
      ])
      .query({ strict: '1' })
      .basicAuth({ user: 'secret-1', pass: '' })
      .reply(200, { code: 200, num_records_imported: 1, status: 'OK' })
    await testDestination.testAction('trackEvent', {
      event: createTestEvent({
        event: 'Song Played',
        userId: 'user-1',
        anonymousId: 'anon-1',
        messageId: 'msg-1',
        timestamp,
        properties: { song: 'Blue' },
        context: {}
      }),
      settings,
      useDefaultMappings: true,
      mapping: {}
    })
    expect(scope.isDone()).toBe(true)
  })

  it.each([
    ['EU', 'https://api-eu.mixpanel.com'],
    ['IN', 'https://api-in.mixpanel.com']
  ])('trackEvent batches go to the %s host', async (apiRegion, host) => {
    let sent: unknown[] = []
    nock(host)
      .post('/import', (body) => ((sent = body), true))
      .query(true)
      .reply(200, {})
    await testDestination.testBatchAction('trackEvent', {
      events: [createTestEvent({ event: 'A', userId: 'u1' }), createTestEvent({ event: 'B', userId: 'u2' })],
      settings: { ...settings, apiRegion },
      useDefaultMappings: true,
      mapping: {}
    })
    expect(sent.map((item) => (item as { event: string }).event)).toEqual(['A', 'B'])
  })

  it("trackEvent batches report a result per event from Mixpanel's failed records and local checks", async () => {
    let sent: Array<{ event: string }> = []
    nock('https://api.mixpanel.com')
      .post('/import', (body) => ((sent = body), true))
      .query({ strict: '1' })
      .reply(400, {
        code: 400,
        error: 'some data points in the request failed validation',
        failed_records: [
          { index: 1, insert_id: 'm-c', field: 'properties.time', message: "'properties.time' is invalid" }
        ],
        num_records_imported: 1,
        status: 'Bad Request'
      })
    const events = [
      createTestEvent({ event: 'A', userId: 'u1', messageId: 'm-a', timestamp }),
      createTestEvent({ event: 'B', userId: 'u2', messageId: 'm-b', timestamp, properties: { bad: true } }),
      createTestEvent({ event: 'C', userId: 'u3', messageId: 'm-c', timestamp })
    ]
    await testDestination.testBatchAction('trackEvent', {
      events,
      settings,
      useDefaultMappings: true,
      // Event B's time is no date: it fails here and is never sent, so Mixpanel's index 1 is event C.
      mapping: {
        time: { '@if': { exists: { '@path': '$.properties.bad' }, then: 'x', else: { '@path': '$.timestamp' } } }
      }
    })
    expect(sent.map((event) => event.event)).toEqual(['A', 'C'])
    const results = testDestination.results.flatMap((result) => result.multistatus ?? [])
    expect(results.map((node) => node.status)).toEqual([200, 400, 400])
    expect(results[1]).toMatchObject({ errortype: 'PAYLOAD_VALIDATION_FAILED' })
    expect(results[2]).toMatchObject({
      errortype: 'BAD_REQUEST',
      errormessage: "Mixpanel rejected this event: properties.time: 'properties.time' is invalid"
    })
  })

  it.each([
    [401, InvalidAuthenticationError],
    [429, RetryableError],
    [400, PayloadValidationError]
  ])('trackEvent batches fail as a whole on HTTP %i without failed records', async (status, errorClass) => {
    nock('https://api.mixpanel.com').post('/import').query(true).reply(status, { error: 'nope' })
    await expect(
      testDestination.testBatchAction('trackEvent', {
        events: [createTestEvent({ event: 'A', userId: 'u1' }), createTestEvent({ event: 'B', userId: 'u2' })],
        settings,
        useDefaultMappings: true,
        mapping: {}
      })
    ).rejects.toThrow(errorClass)
  })

  it('identifyUser sets reserved and custom profile properties', async () => {
    const scope = nock('https://api.mixpanel.com')
      .post('/engage', [
        {
          $token: 'token-1',
          $distinct_id: 'user-1',
          $set: { $email: 'a@example.com', $first_name: 'Ada', plan: 'pro' },
          $ip: '8.8.8.8'
        }
      ])
      .query({ verbose: '1' })
      .reply(200, { status: 1, error: null })
    await testDestination.testAction('identifyUser', {
      event: createTestEvent({
        type: 'identify',
        userId: 'user-1',
        traits: { email: 'a@example.com', first_name: 'Ada', plan: 'pro' },
        context: { ip: '8.8.8.8' }
      }),
      settings,
      useDefaultMappings: true,
      mapping: {}
    })
    expect(scope.isDone()).toBe(true)
  })

  it('groupIdentifyUser sets group properties', async () => {
    const scope = nock('https://api.mixpanel.com')
      .post('/groups', [{ $token: 'token-1', $group_key: 'company_id', $group_id: 'acme', $set: { size: 10 } }])
      .query({ verbose: '1' })
      .reply(200, { status: 1, error: null })
    await testDestination.testAction('groupIdentifyUser', {
      event: createTestEvent({ type: 'group', groupId: 'acme', traits: { size: 10 } }),
      settings,
      useDefaultMappings: true,
      mapping: {}
    })
    expect(scope.isDone()).toBe(true)
  })

  it('alias sends $create_alias to the Track API as form data', async () => {
    let raw = ''
    nock('https://api.mixpanel.com')
      .post('/track', (body) => ((raw = body), true))
      .matchHeader('content-type', 'application/x-www-form-urlencoded')
      .reply(200, { status: 1 })
    await testDestination.testAction('alias', {
      event: createTestEvent({ type: 'alias', previousId: 'anon-1', userId: 'user-1' }),
      settings,
      useDefaultMappings: true,
      mapping: {}
    })
    const params = new URLSearchParams(raw)
    expect(JSON.parse(params.get('data') ?? '')).toEqual({
      event: '$create_alias',
      properties: { distinct_id: 'anon-1', alias: 'user-1', token: 'token-1' }
    })
  })

  it.each([
    [401, InvalidAuthenticationError],
    [429, RetryableError]
  ])('maps HTTP %i', async (status, errorClass) => {
    nock('https://api.mixpanel.com').post('/import').query(true).reply(status, { error: 'x' })
    await expect(
      testDestination.testAction('trackEvent', {
        event: createTestEvent({ userId: 'u1' }),
        settings,
        useDefaultMappings: true,
        mapping: {}
      })
    ).rejects.toThrow(errorClass)
  })
})
