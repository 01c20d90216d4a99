import { messagesFor } from '../humanize'

describe('enum, const and combinators', () => {
  it('enum lists JSON values', () => {
    expect(messagesFor({ enum: ['a', 'b', 'c'] }, 'd')).toEqual(['The root value must be one of: "a", "b", or "c".'])
    expect(messagesFor({ enum: [1, 'two', null, true] }, 3)).toEqual([
      'The root value must be one of: 1, "two", null, or true.'
    ])
    expect(messagesFor({ enum: [{ a: 1 }, [1, 2]] }, 0)).toEqual(['The root value must be one of: {"a":1} or [1,2].'])
  })

  it('const, not, anyOf, oneOf, if/then/else fall back to Ajv text', () => {
    expect(messagesFor({ const: 'fixed' }, 'x')).toEqual(['The root value must be equal to constant.'])
    expect(messagesFor({ not: { type: 'string' } }, 'x')).toEqual(['The root value must NOT be valid.'])
    expect(messagesFor({ anyOf: [{ type: 'string' }, { type: 'number' }] }, true)).toEqual([
      'The root value must be a string but it was a boolean.',
      'The root value must be a number but it was a boolean.',
      'The root value must match a schema in anyOf.'
    ])
    expect(messagesFor({ oneOf: [{ type: 'number' }, { type: 'integer' }] }, 3)).toEqual([
      'The root value must match exactly one schema in oneOf.'
    ])
    expect(messagesFor({ if: { type: 'string' }, else: { type: 'boolean' } }, 1)).toEqual([
      'The root value must be a boolean but it was a number.',
      'The root value must match "else" schema.'
    ])
  })

  it('false schemas', () => {
    expect(messagesFor(false, 1)).toEqual(['The root value boolean schema is false.'])
  })
})
