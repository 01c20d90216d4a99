import { REDACTED, Redactor } from '@action-destinations/delivery/safety'
import { toExchange } from '../src/lib/server/exchanges'

describe('exchange redaction', () => {
  it('redacts a whole captured exchange', () => {
    const exchange = toExchange(
      {
        status: 200,
        statusText: 'OK',
        headers: { 'set-cookie': 'sid=1' },
        content: '{"echo":"my-shared-secret","access_token":"t"}',
        request: { method: 'POST', url: 'https://u:p@h/x?token=t', headers: { 'x-signature': 'deadbeef' } },
        options: { json: { apiKey: 'k', text: 'my-shared-secret' } }
      },
      new Redactor(['my-shared-secret'])
    )
    expect(exchange).toEqual({
      request: {
        method: 'POST',
        url: `https://${REDACTED}@h/x?token=${REDACTED}`,
        headers: { 'x-signature': REDACTED },
        body: { apiKey: REDACTED, text: REDACTED }
      },
      response: {
        status: 200,
        statusText: 'OK',
        headers: { 'set-cookie': REDACTED },
        body: { echo: REDACTED, access_token: REDACTED }
      }
    })
  })
})
