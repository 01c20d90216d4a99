import https from 'https'
import nock from 'nock'
import { RequestClientError, TimeoutError, createInstance, createRequestClient } from '../../src/request-client'
import { httpsAgent } from '../../src/fetch/node'
import { HOST, startEchoHost } from './echo-host'

const SLOW = 'https://slow.invalid'

beforeAll(() => {
  nock.disableNetConnect()
  startEchoHost()
  nock(SLOW).persist().get(/.*/).delay(300).reply(200, 'late')
})
afterAll(() => {
  nock.cleanAll()
  nock.enableNetConnect()
})
afterEach(() => {
  delete process.env.DEFAULT_REQUEST_TIMEOUT
  jest.restoreAllMocks()
})

describe('timeouts', () => {
  it('throws TimeoutError with the reference message, code, request and options', async () => {
    const error = (await createRequestClient()(`${SLOW}/a`, { timeout: 20 }).catch((e: unknown) => e)) as TimeoutError
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error.name).toBe('TimeoutError')
    expect(error.message).toBe('Request timed out after 20ms')
    expect(error.code).toBe('ETIMEDOUT')
    expect(error.request.url).toBe(`${SLOW}/a`)
    expect(error.options.timeout).toBe(20)
  })

  it('times out createInstance requests too, and a layer timeout applies', async () => {
    await expect(createInstance({ timeout: 20 })(`${SLOW}/a`)).rejects.toBeInstanceOf(TimeoutError)
    await expect(createRequestClient({ timeout: 20 })(`${SLOW}/a`)).rejects.toThrow('Request timed out after 20ms')
  })

  it('waits without limit for timeout: false', async () => {
    expect((await createRequestClient()(`${SLOW}/a`, { timeout: false })).data).toBe('late')
  })

  it('honours DEFAULT_REQUEST_TIMEOUT from the environment, read when the client is created', async () => {
    const before = createRequestClient()
    process.env.DEFAULT_REQUEST_TIMEOUT = '20'
    const after = createRequestClient()
    delete process.env.DEFAULT_REQUEST_TIMEOUT
    await expect(after(`${SLOW}/a`)).rejects.toThrow('Request timed out after 20ms')
    expect((await before(`${SLOW}/a`)).data).toBe('late')
  })

  it('falls back to 10 s for an unusable DEFAULT_REQUEST_TIMEOUT', async () => {
    process.env.DEFAULT_REQUEST_TIMEOUT = 'soon'
    let timeout: unknown
    const client = createRequestClient({
      beforeRequest: [
        (options) => {
          timeout = options.timeout
        }
      ]
    })
    await client(`${HOST}/a`)
    expect(timeout).toBe(10000)
  })
})

describe('abort signal', () => {
  it('rejects with RequestClientError when the caller aborts', async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 10)
    const error = (await createRequestClient()(`${SLOW}/a`, { signal: controller.signal }).catch(
      (e: unknown) => e
    )) as RequestClientError
    expect(error).toBeInstanceOf(RequestClientError)
    expect([error.name, error.message, error.code, error.status]).toEqual([
      'RequestClientError',
      'Request was aborted',
      'REQUESTCLIENTERROR',
      408
    ])
  })

  it('rejects at once for an already aborted signal', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(createRequestClient()(`${HOST}/a`, { signal: controller.signal })).rejects.toBeInstanceOf(
      RequestClientError
    )
  })
})

describe('keep-alive agent', () => {
  it('passes the same shared keep-alive agent to every https request', async () => {
    const spy = jest.spyOn(https, 'request')
    const client = createRequestClient()
    await client(`${HOST}/one`)
    await createRequestClient()(`${HOST}/two`)
    const agents = spy.mock.calls.map((call) => (call[0] as https.RequestOptions).agent)
    expect(agents).toHaveLength(2)
    expect(agents[0]).toBe(httpsAgent)
    expect(agents[1]).toBe(agents[0])
    expect(httpsAgent.options.keepAlive).toBe(true)
  })

  it('uses an agent given in the options instead', async () => {
    const spy = jest.spyOn(https, 'request')
    const agent = new https.Agent()
    await createRequestClient({ agent })(`${HOST}/one`)
    expect((spy.mock.calls[0][0] as https.RequestOptions).agent).toBe(agent)
    agent.destroy()
  })
})
