import nock from 'nock'
import { Destination, MultiStatusResponse, createTestEvent } from '../../../src'
import type { AudienceDestinationDefinition } from '../../../src'
import { HOST, text, destinationWith, subscribed } from './reference-definition'
import type { Settings } from './reference-definition'

// Audience calls and OAuth token refresh. Expected values are the
// reference's answers (see reference-definition.ts).

beforeAll(() => nock.disableNetConnect())
afterEach(() => nock.cleanAll())
afterAll(() => nock.enableNetConnect())

describe('audiences', () => {
  type AudienceSettings = { listName?: string }
  const audienceDestination = (scheme: 'custom' | 'oauth2') => {
    const definition: AudienceDestinationDefinition<Settings, AudienceSettings> = {
      ...destinationWith({}),
      authentication:
        scheme === 'oauth2'
          ? { scheme, fields: {}, refreshAccessToken: async () => ({ accessToken: 'fresh' }) }
          : { scheme, fields: {} },
      extendRequest: ({ auth }) => ({ headers: { authorization: `Bearer ${auth?.accessToken}` } }),
      audienceFields: { listName: { ...text('List name'), required: true } },
      audienceConfig: {
        mode: { type: 'synced', full_audience_sync: false },
        createAudience: async (request, { audienceName, audienceSettings }) => {
          const response = await request<{ id: string }>(`${HOST}/lists`, {
            method: 'post',
            json: { audienceName, list: audienceSettings?.listName }
          })
          return { externalId: response.data.id }
        },
        getAudience: async (request, { externalId }) => {
          const response = await request<{ id: string }>(`${HOST}/lists/${externalId}`)
          return { externalId: response.data.id }
        }
      }
    }
    return new Destination<Settings, AudienceSettings>(definition)
  }

  it('createAudience checks non-empty audience settings against audienceFields', async () => {
    const destination = audienceDestination('custom')
    await expect(
      destination.createAudience({ settings: {}, audienceName: 'Buyers', audienceSettings: { other: 'x' } as never })
    ).rejects.toMatchObject({
      name: 'AggregateAjvError',
      message: "The root value is missing the required field 'listName'."
    })
    nock(HOST).post('/lists', { audienceName: 'Buyers', list: 'L' }).reply(200, { id: 'list-1' })
    await expect(
      destination.createAudience({ settings: {}, audienceName: 'Buyers', audienceSettings: { listName: 'L' } })
    ).resolves.toEqual({ externalId: 'list-1' })
  })

  it('with OAuth, a 401 refreshes the token and the audience call is tried again', async () => {
    const destination = audienceDestination('oauth2')
    const settings = { oauth: { access_token: 'old', refresh_token: 'r' } }
    nock(HOST).get('/lists/e1').matchHeader('authorization', 'Bearer old').reply(401, {})
    nock(HOST).get('/lists/e1').matchHeader('authorization', 'Bearer fresh').reply(200, { id: 'e1' })
    await expect(destination.getAudience({ settings, externalId: 'e1' })).resolves.toEqual({ externalId: 'e1' })
    expect(nock.isDone()).toBe(true)
  })
})

describe('OAuth in batches', () => {
  it('a 401 entry in the multistatus refreshes the token and runs the batch again', async () => {
    const tokens: string[] = []
    const destination = new Destination({
      ...destinationWith({
        performBatch: async (request, { payload }) => {
          const response = await request<{ ok: boolean }>(`${HOST}/batch`, {
            method: 'post',
            json: payload,
            throwHttpErrors: false
          })
          const multistatus = new MultiStatusResponse()
          for (let i = 0; i < payload.length; i++) {
            if (response.status === 401) multistatus.pushErrorResponse({ status: 401, errormessage: 'expired' })
            else multistatus.pushSuccessResponse({ status: 200, sent: {}, body: 'ok' })
          }
          return multistatus
        }
      }),
      // Its own name: the reference caches settings schemas by destination name.
      name: 'reference-behaviour-oauth',
      authentication: { scheme: 'oauth2', fields: {}, refreshAccessToken: async () => ({ accessToken: 'fresh' }) },
      extendRequest: ({ auth }) => ({ headers: { authorization: `Bearer ${auth?.accessToken}` } })
    })
    nock(HOST).post('/batch').matchHeader('authorization', 'Bearer old').reply(401, {})
    nock(HOST).post('/batch').matchHeader('authorization', 'Bearer fresh').reply(200, {})
    const results = await destination.onBatch(
      [createTestEvent()],
      { ...subscribed({ f: 'x' }), oauth: { access_token: 'old', refresh_token: 'r' } },
      { onTokenRefresh: async ({ accessToken }) => void tokens.push(accessToken) }
    )
    expect(tokens).toEqual(['fresh'])
    expect(results).toEqual([{ multistatus: [{ status: 200, sent: {}, body: 'ok' }] }])
  })
})
