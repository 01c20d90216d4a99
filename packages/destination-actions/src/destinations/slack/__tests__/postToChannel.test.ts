import nock from 'nock'
import {
  PayloadValidationError,
  RetryableError,
  createTestEvent,
  createTestIntegration
} from '@action-destinations/core'
import destination from '../index'

const testDestination = createTestIntegration(destination)
const webhook = 'https://hooks.slack.com/services/T000/B000/XXXX'

describe('Slack postToChannel', () => {
  afterEach(() => nock.cleanAll())

  it('posts the message as JSON to the webhook URL', async () => {
    const scope = nock('https://hooks.slack.com')
      .post('/services/T000/B000/XXXX', { text: 'Order Completed by user-1', channel: '#sales', username: 'Segment' })
      .matchHeader('content-type', /application\/json/)
      .reply(200, 'ok')

    const event = createTestEvent({ event: 'Order Completed', userId: 'user-1' })
    const responses = await testDestination.testAction('postToChannel', {
      event,
      mapping: { url: webhook, channel: '#sales' },
      useDefaultMappings: true
    })

    expect(responses[0].status).toBe(200)
    expect(scope.isDone()).toBe(true)
  })

  it.each(['https://example.com/services/T000', 'http://hooks.slack.com/services/T000'])(
    'refuses %s with a PayloadValidationError',
    async (url) => {
      await expect(
        testDestination.testAction('postToChannel', { event: createTestEvent(), mapping: { url, text: 'hi' } })
      ).rejects.toThrow(
        new PayloadValidationError(
          `Webhook URL "${url}" is not a Slack incoming webhook URL; it must start with https://hooks.slack.com/`
        )
      )
    }
  )

  it('refuses a value that is not a URL at schema validation, naming the field', async () => {
    await expect(
      testDestination.testAction('postToChannel', {
        event: createTestEvent(),
        mapping: { url: 'not a url', text: 'hi' }
      })
    ).rejects.toThrow('Webhook URL must be a valid URI string but it was not.')
  })

  it('turns a Slack 500 into a RetryableError', async () => {
    nock('https://hooks.slack.com').post('/services/T000/B000/XXXX').reply(500, 'internal_error')
    await expect(
      testDestination.testAction('postToChannel', { event: createTestEvent(), mapping: { url: webhook, text: 'hi' } })
    ).rejects.toThrow(RetryableError)
  })
})
