import { createTestEvent } from '../../src'
import type { JSONObject } from '../../src'
import { echoDestination } from './runtime-fixtures'

// Settings with several subscriptions: each runs, failures are reported in place.

describe('several subscriptions', () => {
  const event = createTestEvent({ properties: { a: 'x' } })

  it('one failing subscription does not discard the results of the others', async () => {
    const results = await echoDestination().onEvent(event, {
      subscriptions: [
        { subscribe: 'type = "track"', partnerAction: 'ok', mapping: { a: { '@path': '$.properties.a' } } },
        { subscribe: 'type = "track"', partnerAction: 'fails', mapping: {} }
      ]
    } as JSONObject)
    expect(results).toEqual([
      { output: 'Mappings resolved' },
      { output: 'Payload validated' },
      { data: { payload: { a: 'x' }, settings: {} }, output: 'Action Executed' },
      { error: { name: 'IntegrationError', message: 'nope', status: 418, code: 'NOPE' } }
    ])
  })

  it('rejects when no subscription delivered anything', async () => {
    await expect(
      echoDestination().onEvent(event, {
        subscriptions: [
          { subscribe: 'type = "identify"', partnerAction: 'ok', mapping: {} },
          { subscribe: 'type = "track"', partnerAction: 'fails', mapping: {} }
        ]
      } as JSONObject)
    ).rejects.toMatchObject({ name: 'IntegrationError', message: 'nope' })
  })

  it('a failing batch subscription reports one node per event next to the others', async () => {
    const events = [
      createTestEvent({ properties: { a: '1' } }),
      createTestEvent({ type: 'page', properties: { a: '2' } })
    ]
    const results = await echoDestination().onBatch(events, {
      subscriptions: [
        { subscribe: 'type = "track"', partnerAction: 'batch', mapping: { a: { '@path': '$.properties.a' } } },
        { subscribe: 'type = "track"', partnerAction: 'fails', mapping: {} }
      ]
    } as JSONObject)
    expect(results).toEqual([
      {
        multistatus: [
          { status: 201, sent: { a: '1' }, body: 'ok' },
          {
            status: 400,
            errortype: 'PAYLOAD_VALIDATION_FAILED',
            errormessage: 'Payload is either invalid or does not match the subscription',
            errorreporter: 'INTEGRATIONS'
          }
        ]
      },
      {
        multistatus: [
          { status: 418, errortype: 'IM_A_TEAPOT', errormessage: 'batch nope', errorreporter: 'INTEGRATIONS' },
          {
            status: 400,
            errortype: 'PAYLOAD_VALIDATION_FAILED',
            errormessage: 'Payload is either invalid or does not match the subscription',
            errorreporter: 'INTEGRATIONS'
          }
        ]
      }
    ])
  })

  it('`type = ` with no value is an invalid subscription, not a match', async () => {
    const results = await echoDestination().onEvent(event, {
      subscription: { subscribe: 'type = ', partnerAction: 'ok', mapping: {} }
    } as JSONObject)
    expect(results).toHaveLength(1)
    expect(results[0].output).toMatch(/^Invalid subscription : /)
    expect(results[0].output).not.toMatch(/Cannot read properties/)
  })
})
