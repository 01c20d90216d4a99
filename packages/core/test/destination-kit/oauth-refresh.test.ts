import nock from 'nock'
import { Destination, InvalidAuthenticationError, createTestEvent } from '../../src'
import type { DestinationDefinition, JSONObject } from '../../src'
import { HOST } from './runtime-fixtures'
import type { Settings } from './runtime-fixtures'

// An expired OAuth token (a 401, or InvalidAuthenticationError) is refreshed once and the call tried again.

beforeAll(() => nock.disableNetConnect())
afterEach(() => nock.cleanAll())
afterAll(() => nock.enableNetConnect())

function oauthDestination(refresh?: () => Promise<{ accessToken: string; refreshToken?: string }>) {
  const definition: DestinationDefinition<Settings> = {
    name: 'OAuth Test',
    mode: 'cloud',
    authentication: {
      scheme: 'oauth2',
      fields: { accountId: { label: 'Account', description: 'Account', type: 'string' } },
      refreshAccessToken: refresh ? async () => refresh() : undefined
    },
    extendRequest: ({ auth }) => ({ headers: { authorization: `Bearer ${auth?.accessToken}` } }),
    actions: {
      send: {
        title: 'Send',
        description: 'Send',
        fields: { id: { label: 'ID', description: 'ID', type: 'string' } },
        perform: (request, { payload }) => request(`${HOST}/send`, { method: 'post', json: payload }),
        performBatch: (request, { payload }) => request(`${HOST}/batch`, { method: 'post', json: payload })
      },
      other: {
        title: 'Other',
        description: 'Other',
        fields: { id: { label: 'ID', description: 'ID', type: 'string' } },
        perform: (request, { payload }) => request(`${HOST}/other`, { method: 'post', json: payload })
      }
    }
  }
  return new Destination(definition)
}

const oauthSettings = (subscriptions: unknown[]): JSONObject =>
  ({
    accountId: 'a-1',
    oauth: { access_token: 'old', refresh_token: 'r-1', clientId: 'c', clientSecret: 's' },
    subscriptions
  }) as JSONObject

const sub = (partnerAction: string, subscribe = 'type = "track"') => ({
  subscribe,
  partnerAction,
  mapping: { id: { '@path': '$.userId' } }
})

describe('OAuth refresh on 401', () => {
  it('refreshes once, retries once, hands the tokens to onTokenRefresh and leaves the settings alone', async () => {
    const refresh = jest.fn(async () => ({ accessToken: 'new', refreshToken: 'r-2' }))
    const destination = oauthDestination(refresh)
    const seen: string[] = []
    nock(HOST)
      .post('/send')
      .times(2)
      .reply(function () {
        seen.push(String(this.req.headers.authorization))
        return seen.length === 1 ? [401, {}] : [200, { ok: true }]
      })
    const settings = oauthSettings([sub('send')])
    const before = JSON.stringify(settings)
    const onTokenRefresh = jest.fn(async () => undefined)
    const results = await destination.onEvent(createTestEvent(), settings, { onTokenRefresh })
    expect(results).toEqual([
      { output: 'Mappings resolved' },
      { output: 'Payload validated' },
      { data: { ok: true }, output: 'Action Executed' }
    ])
    expect(seen).toEqual(['Bearer old', 'Bearer new'])
    expect(refresh).toHaveBeenCalledTimes(1)
    expect(onTokenRefresh).toHaveBeenCalledWith({ accessToken: 'new', refreshToken: 'r-2' })
    expect(JSON.stringify(settings)).toBe(before)
  })

  it('gives up after one retry with the second error', async () => {
    const refresh = jest.fn(async () => ({ accessToken: 'new' }))
    const destination = oauthDestination(refresh)
    nock(HOST).post('/send').times(2).reply(401, {})
    await expect(destination.onEvent(createTestEvent(), oauthSettings([sub('send')]))).rejects.toMatchObject({
      name: 'HTTPError'
    })
    expect(refresh).toHaveBeenCalledTimes(1)
  })

  it('does not resend a subscription the destination already accepted', async () => {
    const destination = oauthDestination(async () => ({ accessToken: 'new' }))
    let sends = 0
    nock(HOST)
      .post('/send')
      .reply(() => {
        sends++
        return [200, { ok: 'send' }]
      })
    nock(HOST).post('/other').reply(401, {})
    nock(HOST).post('/other').reply(200, { ok: 'other' })
    const results = await destination.onEvent(createTestEvent(), oauthSettings([sub('send'), sub('other')]))
    expect(sends).toBe(1)
    expect(results.filter((r) => r.output === 'Action Executed').map((r) => r.data)).toEqual([
      { ok: 'send' },
      { ok: 'other' }
    ])
  })

  it('reports a missing refreshAccessToken as OAUTH_REFRESH_FAILED', async () => {
    const destination = oauthDestination()
    nock(HOST).post('/send').reply(401, {})
    await expect(destination.onEvent(createTestEvent(), oauthSettings([sub('send')]))).rejects.toMatchObject({
      name: 'InvalidAuthenticationError',
      message: 'Failed to refresh access token',
      code: 'OAUTH_REFRESH_FAILED',
      status: 401
    })
  })

  it('refreshes for batches too', async () => {
    const destination = oauthDestination(async () => ({ accessToken: 'new' }))
    nock(HOST).post('/batch').reply(401, {})
    nock(HOST).post('/batch').reply(200, { ok: 1 })
    const results = await destination.onBatch(
      [createTestEvent({ userId: 'a' }), createTestEvent({ userId: 'b' })],
      oauthSettings([sub('send')])
    )
    expect(results).toEqual([
      {
        multistatus: [
          { status: 200, body: { ok: 1 }, sent: { id: 'a' } },
          { status: 200, body: { ok: 1 }, sent: { id: 'b' } }
        ]
      }
    ])
  })

  it('refreshAccessToken: scheme checks and stripped settings', async () => {
    const refresh = jest.fn(async () => ({ accessToken: 'x' }))
    const destination = oauthDestination(refresh)
    await destination.refreshAccessToken({ accountId: 'a', subscription: {} } as Settings, {
      accessToken: 'a',
      refreshToken: 'r',
      clientId: 'c',
      clientSecret: 's'
    })
    expect(refresh).toHaveBeenCalled()
    const custom = new Destination({
      name: 'c',
      mode: 'cloud',
      authentication: { scheme: 'custom', fields: {} },
      actions: {}
    })
    await expect(
      custom.refreshAccessToken({}, { accessToken: 'a', refreshToken: 'r', clientId: 'c', clientSecret: 's' })
    ).rejects.toMatchObject({ name: 'IntegrationError', status: 501, code: 'NotImplemented' })
  })
})

describe('InvalidAuthenticationError thrown by perform triggers a refresh', () => {
  it('retries with the new token', async () => {
    const destination = new Destination<Settings>({
      name: 'Managed',
      mode: 'cloud',
      authentication: { scheme: 'oauth-managed', fields: {}, refreshAccessToken: async () => ({ accessToken: 'new' }) },
      actions: {
        a: {
          title: 'A',
          description: '',
          fields: {},
          perform: (_r, { auth }) => {
            if (auth?.accessToken === 'old') throw new InvalidAuthenticationError('expired')
            return { token: auth?.accessToken }
          }
        }
      }
    })
    const results = await destination.onEvent(createTestEvent(), {
      oauth: { access_token: 'old' },
      subscription: { subscribe: 'type = "track"', partnerAction: 'a', mapping: {} }
    } as JSONObject)
    expect(results[1]).toEqual({ data: { token: 'new' }, output: 'Action Executed' })
  })
})
