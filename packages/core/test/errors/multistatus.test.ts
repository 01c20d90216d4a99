import {
  ActionDestinationErrorResponse,
  ActionDestinationSuccessResponse,
  MultiStatusResponse
} from '../../src/multistatus'
import type { ActionDestinationErrorResponseType } from '../../src/multistatus'

// Expected shapes recorded from @segment/actions-core 3.170.0.
describe('MultiStatusResponse', () => {
  it('pushes success and error responses, deriving errortype from status', () => {
    const m = new MultiStatusResponse()
    expect(m.length()).toBe(0)
    m.pushSuccessResponse({ status: 200, sent: { a: 1 }, body: { ok: true } })
    m.pushErrorResponse({ status: 422, errormessage: 'bad' })
    m.pushErrorResponse({ status: 400, errormessage: 'bad2', errortype: 'PAYLOAD_VALIDATION_FAILED', sent: { x: 1 } })
    m.pushErrorResponse({ status: 599, errormessage: 'bad3', body: 'b' })
    m.pushErrorResponse(new ActionDestinationErrorResponse({ status: 500, errormessage: 'obj' }))
    m.pushSuccessResponse(new ActionDestinationSuccessResponse({ status: 201, sent: 's', body: 'b' }))
    expect(m.length()).toBe(6)
    expect(m.getAllResponses().map((r) => [r.constructor.name, r.value()])).toEqual([
      ['ActionDestinationSuccessResponse', { status: 200, sent: { a: 1 }, body: { ok: true } }],
      ['ActionDestinationErrorResponse', { status: 422, errormessage: 'bad', errortype: 'UNPROCESSABLE_ENTITY' }],
      [
        'ActionDestinationErrorResponse',
        { status: 400, errormessage: 'bad2', errortype: 'PAYLOAD_VALIDATION_FAILED', sent: { x: 1 } }
      ],
      ['ActionDestinationErrorResponse', { status: 599, errormessage: 'bad3', body: 'b', errortype: 'UNKNOWN_ERROR' }],
      ['ActionDestinationErrorResponse', { status: 500, errormessage: 'obj', errortype: 'INTERNAL_SERVER_ERROR' }],
      ['ActionDestinationSuccessResponse', { status: 201, sent: 's', body: 'b' }]
    ])
    expect(JSON.parse(JSON.stringify(m))).toEqual({
      responses: [
        { data: { status: 200, sent: { a: 1 }, body: { ok: true } } },
        { data: { status: 422, errormessage: 'bad', errortype: 'UNPROCESSABLE_ENTITY' } },
        { data: { status: 400, errormessage: 'bad2', errortype: 'PAYLOAD_VALIDATION_FAILED', sent: { x: 1 } } },
        { data: { status: 599, errormessage: 'bad3', body: 'b', errortype: 'UNKNOWN_ERROR' } },
        { data: { status: 500, errormessage: 'obj', errortype: 'INTERNAL_SERVER_ERROR' } },
        { data: { status: 201, sent: 's', body: 'b' } }
      ]
    })
    expect([
      m.isSuccessResponseAtIndex(0),
      m.isErrorResponseAtIndex(0),
      m.isSuccessResponseAtIndex(1),
      m.isErrorResponseAtIndex(1),
      m.isSuccessResponseAtIndex(99),
      m.isErrorResponseAtIndex(99)
    ]).toEqual([true, false, false, true, false, false])
    expect(m.getResponseAtIndex(99)).toBeUndefined()
  })

  it('sets, unsets and replaces slots by index, leaving holes', () => {
    const m = new MultiStatusResponse()
    m.setSuccessResponseAtIndex(2, { status: 200, sent: {}, body: {} })
    expect(m.length()).toBe(3)
    expect(JSON.parse(JSON.stringify(m.getAllResponses()))).toEqual([
      null,
      null,
      { data: { status: 200, sent: {}, body: {} } }
    ])
    m.unsetResponseAtIndex(2)
    expect(m.length()).toBe(3)
    expect(m.getResponseAtIndex(2)).toBeUndefined()
    m.setErrorResponseAtIndex(0, { status: 404, errormessage: 'nf' })
    expect(m.getResponseAtIndex(0).value()).toEqual({ status: 404, errormessage: 'nf', errortype: 'NOT_FOUND' })
    m.pushResponseObjectAtIndex(1, new ActionDestinationSuccessResponse({ status: 200, sent: '', body: '' }))
    expect(m.isSuccessResponseAtIndex(1)).toBe(true)
    m.pushResponseObject(new ActionDestinationErrorResponse({ status: 400, errormessage: 'e' }))
    expect(m.length()).toBe(4)
  })

  it('keeps a given errortype, even an unknown one, and derives OK for 200', () => {
    const keep = { status: 422, errormessage: 'x', errortype: 'FOO' } as unknown as ActionDestinationErrorResponseType
    expect(new ActionDestinationErrorResponse(keep).value().errortype).toBe('FOO')
    expect(new ActionDestinationErrorResponse({ status: 200, errormessage: 'e' }).value()).toEqual({
      status: 200,
      errormessage: 'e',
      errortype: 'OK'
    })
  })

  it('does not mutate the caller data', () => {
    const data = { status: 422, errormessage: 'x' }
    const r = new ActionDestinationErrorResponse(data)
    expect(data).toEqual({ status: 422, errormessage: 'x' })
    expect(r.value()).toEqual({ status: 422, errormessage: 'x', errortype: 'UNPROCESSABLE_ENTITY' })
  })

  it('rejects bad input with clear errors', () => {
    const m = new MultiStatusResponse()
    const loose = m as unknown as Record<string, (...args: unknown[]) => void>
    expect(() => loose.pushSuccessResponse(undefined)).toThrow(
      'ActionDestinationSuccessResponse expects a response object, got undefined'
    )
    expect(() => loose.pushErrorResponse(null)).toThrow(
      'ActionDestinationErrorResponse expects a response object, got null'
    )
    expect(() => loose.pushResponseObject({ status: 1 })).toThrow(TypeError)
    expect(() => loose.setSuccessResponseAtIndex(-1, { status: 200, sent: {}, body: {} })).toThrow(
      'MultiStatusResponse index must be a non-negative integer, got -1'
    )
    expect(() => loose.setErrorResponseAtIndex('a', { status: 400, errormessage: 'x' })).toThrow(RangeError)
    expect(m.length()).toBe(0)
  })
})
