import type { DestinationDefinition } from '@action-destinations/core'
import { retryAfterOf, withCapture, withResponseCapture } from '../../src/deliver/capture'
import type { Capture } from '../../src/deliver/capture'

type Request = (url: string, options?: unknown) => Promise<unknown>
type Perform = (request: Request, data: { rawData?: unknown }) => Promise<unknown>

function response(status: number, retryAfter?: string) {
  const headers = new Headers(retryAfter ? { 'retry-after': retryAfter } : {})
  return { status, headers, content: `status ${status}` }
}

function definitionWith(perform: Perform, performBatch?: Perform): DestinationDefinition<unknown> {
  return {
    name: 'Capture Test',
    mode: 'cloud',
    actions: { send: { title: 'Send', description: 'Sends', fields: {}, perform, performBatch } }
  } as unknown as DestinationDefinition<unknown>
}

function wrappedActions(definition: DestinationDefinition<unknown>) {
  return withResponseCapture(definition).actions.send as unknown as { perform: Perform; performBatch?: Perform }
}

describe('response capture', () => {
  it('keeps the last response the call received, by the events the call delivers', async () => {
    const answers = [response(201), response(202)]
    const perform: Perform = async (request) => {
      await request('https://a.test/1')
      return request('https://a.test/2')
    }
    const { perform: wrapped } = wrappedActions(definitionWith(perform))
    const event = { type: 'track' }
    const capture: Capture = {}
    let next = 0
    const request: Request = () => Promise.resolve(answers[next++])
    const output = await withCapture(capture, [event], () => wrapped(request, { rawData: event }))
    expect(output).toBe(answers[1])
    expect(capture.response).toBe(answers[1])
  })

  it('keeps the response of a thrown HTTP error and rethrows it unchanged', async () => {
    const failure = Object.assign(new Error('Too Many Requests'), { response: response(429, '7') })
    const { perform: wrapped } = wrappedActions(definitionWith((request) => request('https://a.test')))
    const event = { type: 'track' }
    const capture: Capture = {}
    await expect(
      withCapture(capture, [event], () => wrapped(() => Promise.reject(failure), { rawData: event }))
    ).rejects.toBe(failure)
    expect(capture.response?.status).toBe(429)
    expect(retryAfterOf(capture, undefined, 0)).toBe(7000)
  })

  it('finds a batch call by its events, and leaves calls of other events alone', async () => {
    const batchResponse = response(200)
    const request: Request = () => Promise.resolve(batchResponse)
    const seen: Request[] = []
    const performBatch: Perform = (given) => {
      seen.push(given)
      return given('https://a.test/batch')
    }
    const { performBatch: wrapped } = wrappedActions(definitionWith(() => Promise.resolve(), performBatch))
    const events = [{ n: 1 }, { n: 2 }, { n: 3 }]
    const capture: Capture = {}
    // Core hands perform the events its subscription matched: here the last two.
    await withCapture(capture, events, () => (wrapped as Perform)(request, { rawData: events.slice(1) }))
    expect(capture.response).toBe(batchResponse)

    // An event no call registered: perform gets the request client untouched.
    await (wrapped as Perform)(request, { rawData: [{ n: 4 }] })
    expect(seen[0]).not.toBe(request)
    expect(seen[1]).toBe(request)
  })

  it('does not change the definition it wraps, and keeps actions without performBatch so', () => {
    const perform: Perform = () => Promise.resolve()
    const definition = definitionWith(perform)
    const wrapped = wrappedActions(definition)
    expect((definition.actions.send as unknown as { perform: Perform }).perform).toBe(perform)
    expect(wrapped.perform).not.toBe(perform)
    expect(wrapped.performBatch).toBeUndefined()
  })
})
