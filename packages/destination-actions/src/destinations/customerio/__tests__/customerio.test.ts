import nock from 'nock'
import { InvalidAuthenticationError, createTestEvent, createTestIntegration } from '@action-destinations/core'
import destination from '../index'

const testDestination = createTestIntegration(destination)
const settings = { siteId: 'site-1', apiKey: 'key-1', accountRegion: 'US' }
const timestamp = '2024-03-01T10:00:00.000Z'
const seconds = Date.parse(timestamp) / 1000
const track = (host = 'https://track.customer.io') =>
  nock(host).matchHeader('authorization', `Basic ${Buffer.from('site-1:key-1').toString('base64')}`)

describe('Customer.io', () => {
  afterEach(() => nock.cleanAll())

  it('createUpdatePerson PUTs attributes with a unix created_at', async () => {
    const scope = track()
      .put('/api/v1/customers/user%2F1', {
        plan: 'pro',
        email: 'ada@example.com',
        anonymous_id: 'anon-1',
        created_at: seconds
      })
      .reply(200, {})
    await testDestination.testAction('createUpdatePerson', {
      event: createTestEvent({
        type: 'identify',
        userId: 'user/1',
        anonymousId: 'anon-1',
        traits: { email: 'ada@example.com', plan: 'pro', createdAt: timestamp }
      }),
      settings,
      useDefaultMappings: true,
      mapping: {}
    })
    expect(scope.isDone()).toBe(true)
  })

  it('trackEvent posts to the person, or to anonymous events in the EU region', async () => {
    const person = track()
      .post('/api/v1/customers/user-1/events', {
        name: 'Song Played',
        type: 'event',
        timestamp: seconds,
        data: { song: 'Blue' }
      })
      .reply(200, {})
    await testDestination.testAction('trackEvent', {
      event: createTestEvent({ event: 'Song Played', userId: 'user-1', timestamp, properties: { song: 'Blue' } }),
      settings,
      useDefaultMappings: true,
      mapping: {}
    })
    expect(person.isDone()).toBe(true)

    const anonymous = track('https://track-eu.customer.io')
      .post('/api/v1/events', {
        name: 'Song Played',
        type: 'event',
        timestamp: seconds,
        data: {},
        anonymous_id: 'anon-1'
      })
      .reply(200, {})
    await testDestination.testAction('trackEvent', {
      event: createTestEvent({ event: 'Song Played', userId: null, anonymousId: 'anon-1', timestamp, properties: {} }),
      settings: { ...settings, accountRegion: 'EU' },
      useDefaultMappings: true,
      mapping: {}
    })
    expect(anonymous.isDone()).toBe(true)
  })

  it('trackPageView names the page view by URL', async () => {
    const scope = track()
      .post('/api/v1/customers/user-1/events', {
        name: 'https://shop.example/a',
        type: 'page',
        timestamp: seconds,
        data: { title: 'A' }
      })
      .reply(200, {})
    await testDestination.testAction('trackPageView', {
      event: createTestEvent({
        type: 'page',
        userId: 'user-1',
        timestamp,
        properties: { title: 'A' },
        context: { page: { url: 'https://shop.example/a' } }
      }),
      settings,
      useDefaultMappings: true,
      mapping: {}
    })
    expect(scope.isDone()).toBe(true)
  })

  it('deletePerson sends DELETE for the person', async () => {
    const scope = track().delete('/api/v1/customers/user-1').reply(200, {})
    await testDestination.testAction('deletePerson', {
      event: createTestEvent({ userId: 'user-1' }),
      settings,
      useDefaultMappings: true,
      mapping: {}
    })
    expect(scope.isDone()).toBe(true)
  })

  it('testAuthentication checks the credentials, and a 401 becomes InvalidAuthenticationError', async () => {
    const scope = track().get('/auth').reply(200, {})
    await testDestination.testAuthentication(settings)
    expect(scope.isDone()).toBe(true)

    track()
      .post('/api/v1/customers/user-1/events')
      .reply(401, { meta: { error: 'Unauthorized' } })
    await expect(
      testDestination.testAction('trackEvent', {
        event: createTestEvent({ userId: 'user-1' }),
        settings,
        useDefaultMappings: true,
        mapping: {}
      })
    ).rejects.toThrow(InvalidAuthenticationError)
  })
})
