import type { ErrorObject } from 'ajv'
import { AggregateAjvError, type Options } from '../../src'

/** Hand-made errors (or errors from Ajv without `verbose`) must never crash the formatter. */
function messageFor(error: Partial<ErrorObject> | null, options?: Options): string {
  return new AggregateAjvError([error as ErrorObject], options).message
}

describe('bad or partial input', () => {
  it('rejects a non-array with a clear error', () => {
    expect(() => new AggregateAjvError('abc' as unknown as ErrorObject[])).toThrow(
      'AggregateAjvError expects an array of Ajv errors (validate.errors) but got a string.'
    )
  })

  it('rejects an unknown fieldLabels value with the reference text, accepts an explicit undefined', () => {
    const error = { keyword: 'type', instancePath: '', params: { type: 'string' }, data: 1 }
    expect(() => messageFor(error, { fieldLabels: 'bogus' as 'js' })).toThrow(
      new Error('invalid fieldLabels value: bogus')
    )
    expect(() => messageFor(error, { fieldLabels: null as unknown as 'js' })).toThrow(
      new Error('invalid fieldLabels value: null')
    )
    // Like the reference, the option is only read to format an error.
    expect(new AggregateAjvError([], { fieldLabels: 'bogus' as 'js' }).message).toBe('')
    expect(
      messageFor({ keyword: 'type', instancePath: '', params: { type: 'string' }, data: 1 }, { fieldLabels: undefined })
    ).toBe('The root value must be a string but it was a number.')
  })

  it('describes an entry that is not an error object', () => {
    expect(messageFor(null)).toBe('Expected an Ajv error object but got null.')
  })

  it('omits the "but it was" part when the error carries no data (Ajv without verbose)', () => {
    expect(messageFor({ keyword: 'type', instancePath: '/a', params: { type: 'string' } })).toBe(
      'The value at /a must be a string.'
    )
    expect(messageFor({ keyword: 'minLength', instancePath: '', params: { limit: 3 } })).toBe(
      'The root value must be 3 characters or more.'
    )
    expect(messageFor({ keyword: 'minItems', instancePath: '', params: { limit: 3 } })).toBe(
      'The root value must have 3 or more items.'
    )
    expect(messageFor({ keyword: 'minProperties', instancePath: '', params: { limit: 3 } })).toBe(
      'The root value must have 3 or more properties.'
    )
  })

  it('falls back to Ajv text, then to the keyword, when params are missing', () => {
    expect(
      messageFor({
        keyword: 'enum',
        instancePath: '',
        params: {},
        message: 'must be equal to one of the allowed values'
      })
    ).toBe('The root value must be equal to one of the allowed values.')
    expect(messageFor({ keyword: 'type', instancePath: '' })).toBe(
      'The root value does not satisfy the "type" keyword.'
    )
    expect(messageFor({})).toBe('The root value is invalid.')
  })

  it('never reads format labels through the prototype', () => {
    for (const format of ['constructor', 'toString', '__proto__']) {
      expect(messageFor({ keyword: 'format', instancePath: '', params: { format } })).toBe(
        `The root value must be a valid ${format} string but it was not.`
      )
    }
  })

  it('writes enum values JSON cannot hold', () => {
    const allowedValues = [1n, undefined, () => 1]
    expect(messageFor({ keyword: 'enum', instancePath: '', params: { allowedValues } })).toBe(
      'The root value must be one of: 1, undefined, or a function.'
    )
  })

  it('handles additionalProperties without a parent schema', () => {
    expect(messageFor({ keyword: 'additionalProperties', instancePath: '', params: { additionalProperty: 'x' } })).toBe(
      'The root value has an unexpected property, x.'
    )
  })
})
