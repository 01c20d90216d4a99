import { messagesFor } from '../humanize'

describe('array keywords', () => {
  it('minItems and maxItems', () => {
    expect(messagesFor({ minItems: 1 }, [])).toEqual(['The root value must have 1 or more items but it has 0.'])
    expect(messagesFor({ maxItems: 1 }, [1, 2, 3])).toEqual(['The root value must have 1 or fewer items but it has 3.'])
  })

  it('uniqueItems names the earlier element first', () => {
    expect(messagesFor({ uniqueItems: true }, [1, 2, 1])).toEqual([
      'The root value must be unique but elements 0 and 2 are the same.'
    ])
  })

  it('items errors point at each item', () => {
    expect(messagesFor({ items: { type: 'number' } }, [1, 'two'])).toEqual([
      'The value at /1 must be a number but it was a string.'
    ])
  })

  it('contains and additionalItems use Ajv text', () => {
    expect(messagesFor({ contains: { type: 'string' } }, [1])).toEqual([
      'The value at /0 must be a string but it was a number.',
      'The root value must contain at least 1 valid item(s).'
    ])
    expect(messagesFor({ items: [{ type: 'string' }], additionalItems: false }, ['a', 1])).toEqual([
      'The root value must NOT have more than 1 items.'
    ])
  })
})
