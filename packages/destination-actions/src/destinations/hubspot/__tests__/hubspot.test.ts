import nock from 'nock'
import {
  IntegrationError,
  PayloadValidationError,
  RetryableError,
  createTestEvent,
  createTestIntegration
} from '@action-destinations/core'
import destination from '../index'

const testDestination = createTestIntegration(destination)
const auth = { accessToken: 'access-1', refreshToken: 'refresh-1' }
const api = () => nock('https://api.hubapi.com').matchHeader('authorization', 'Bearer access-1')

describe('HubSpot', () => {
  afterEach(() => nock.cleanAll())

  it('upsertContact upserts by email with standard and extra properties', async () => {
    const scope = api()
      .post('/crm/v3/objects/contacts/batch/upsert', {
        inputs: [
          {
            idProperty: 'email',
            id: 'ada@example.com',
            properties: { favourite_color: 'blue', email: 'ada@example.com', firstname: 'Ada', lastname: 'Lovelace' }
          }
        ]
      })
      .reply(200, { status: 'COMPLETE', results: [] })
    await testDestination.testAction('upsertContact', {
      event: createTestEvent({
        type: 'identify',
        traits: { email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace' }
      }),
      auth,
      useDefaultMappings: true,
      mapping: { properties: { favourite_color: 'blue' } }
    })
    expect(scope.isDone()).toBe(true)
  })

  it('upsertCompany updates the company found by domain', async () => {
    const scope = api()
      .post('/crm/v3/objects/companies/search', {
        filterGroups: [{ filters: [{ propertyName: 'domain', operator: 'EQ', value: 'acme.com' }] }],
        properties: ['domain'],
        limit: 2
      })
      .reply(200, { total: 1, results: [{ id: '42' }] })
      .patch('/crm/v3/objects/companies/42', { properties: { domain: 'acme.com', name: 'Acme' } })
      .reply(200, { id: '42' })
    await testDestination.testAction('upsertCompany', {
      event: createTestEvent({ type: 'group', traits: { website: 'Acme.com', name: 'Acme' } }),
      auth,
      useDefaultMappings: true,
      mapping: {}
    })
    expect(scope.isDone()).toBe(true)
  })

  it('upsertCompany creates the company when none matches, and refuses to guess between several', async () => {
    const create = api()
      .post('/crm/v3/objects/companies/search')
      .reply(200, { total: 0, results: [] })
      .post('/crm/v3/objects/companies', { properties: { domain: 'new.io' } })
      .reply(201, { id: '7' })
    await testDestination.testAction('upsertCompany', { event: createTestEvent(), auth, mapping: { domain: 'new.io' } })
    expect(create.isDone()).toBe(true)

    api()
      .post('/crm/v3/objects/companies/search')
      .reply(200, { total: 2, results: [{ id: '1' }, { id: '2' }] })
    await expect(
      testDestination.testAction('upsertCompany', { event: createTestEvent(), auth, mapping: { domain: 'dup.io' } })
    ).rejects.toThrow(IntegrationError)
  })

  it('sendCustomBehavioralEvent sends the event for the contact', async () => {
    const scope = api()
      .post('/events/v3/send', {
        eventName: 'pe123_order_shipped',
        occurredAt: '2024-03-01T10:00:00.000Z',
        email: 'ada@example.com',
        properties: { carrier: 'ups' }
      })
      .reply(204)
    await testDestination.testAction('sendCustomBehavioralEvent', {
      event: createTestEvent({ timestamp: '2024-03-01T10:00:00.000Z', properties: { email: 'ada@example.com' } }),
      auth,
      useDefaultMappings: true,
      mapping: { eventName: 'pe123_order_shipped', properties: { carrier: 'ups' } }
    })
    expect(scope.isDone()).toBe(true)
  })

  it('sendCustomBehavioralEvent needs a contact identifier', async () => {
    await expect(
      testDestination.testAction('sendCustomBehavioralEvent', {
        event: createTestEvent(),
        auth,
        mapping: { eventName: 'pe123_x' }
      })
    ).rejects.toThrow(
      new PayloadValidationError('HubSpot custom event: one of "email", "utk" or "objectId" is required')
    )
  })

  it('lists event definitions as a dynamic field', async () => {
    api()
      .get('/events/v3/event-definitions')
      .reply(200, {
        results: [
          { name: 'order_shipped', fullyQualifiedName: 'pe123_order_shipped', labels: { singular: 'Order Shipped' } }
        ]
      })
    const response = await testDestination.testDynamicField('sendCustomBehavioralEvent', 'eventName', {
      settings: {},
      payload: {},
      auth
    })
    expect(response).toEqual({ choices: [{ label: 'Order Shipped', value: 'pe123_order_shipped' }] })
  })

  it('lists writable contact properties as dynamic keys, and reports API failures', async () => {
    api()
      .get('/crm/v3/properties/contacts')
      .reply(200, {
        results: [
          { name: 'favourite_color', label: 'Favourite colour' },
          { name: 'hs_object_id', label: 'Record ID', modificationMetadata: { readOnlyValue: true } }
        ]
      })
    const action = destination.actions.upsertContact
    type KeysFn = (
      request: unknown,
      data: { settings: object; payload: object }
    ) => Promise<{ choices: unknown[]; error?: { code: string } }>
    const keys = (action.dynamicFields?.properties as unknown as { __keys__: KeysFn }).__keys__
    const request = (await import('@action-destinations/core')).createRequestClient({
      headers: { authorization: 'Bearer access-1' }
    })
    await expect(keys(request, { settings: {}, payload: {} })).resolves.toEqual({
      choices: [{ label: 'Favourite colour', value: 'favourite_color' }]
    })

    nock('https://api.hubapi.com').get('/crm/v3/properties/contacts').reply(401, { message: 'expired' })
    const failed = await keys(request, { settings: {}, payload: {} })
    expect(failed.choices).toEqual([])
    expect(failed.error?.code).toBe('INVALID_AUTHENTICATION')
  })

  it('refreshAccessToken exchanges the refresh token', async () => {
    const scope = nock('https://api.hubapi.com')
      .post('/oauth/v1/token', 'grant_type=refresh_token&client_id=cid&client_secret=csecret&refresh_token=refresh-1')
      .reply(200, { access_token: 'access-2', refresh_token: 'refresh-2', expires_in: 1800 })
    const result = await testDestination.refreshAccessToken({}, { ...auth, clientId: 'cid', clientSecret: 'csecret' })
    expect(result).toEqual({ accessToken: 'access-2', refreshToken: 'refresh-2' })
    expect(scope.isDone()).toBe(true)
  })

  it('maps a 502 to RetryableError', async () => {
    api().post('/crm/v3/objects/contacts/batch/upsert').reply(502, 'bad gateway')
    await expect(
      testDestination.testAction('upsertContact', { event: createTestEvent(), auth, mapping: { email: 'a@b.co' } })
    ).rejects.toThrow(RetryableError)
  })
})
