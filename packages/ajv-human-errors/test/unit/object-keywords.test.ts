import { messagesFor } from '../humanize'

describe('object keywords', () => {
  it('required names the missing field', () => {
    expect(messagesFor({ type: 'object', required: ['a', 'first name'] }, {})).toEqual([
      "The root value is missing the required field 'a'.",
      "The root value is missing the required field 'first name'."
    ])
  })

  it('additionalProperties lists the allowed properties', () => {
    const schema = { type: 'object', properties: { a: {}, b: {} }, additionalProperties: false }
    expect(messagesFor(schema, { a: 1, x: 1, y: 2 })).toEqual([
      'The root value has an unexpected property, x, which is not in the list of allowed properties (a, b).',
      'The root value has an unexpected property, y, which is not in the list of allowed properties (a, b).'
    ])
  })

  it('additionalProperties without `properties` gives a sentence (the reference throws a TypeError)', () => {
    expect(messagesFor({ type: 'object', additionalProperties: false }, { x: 1 })).toEqual([
      'The root value has an unexpected property, x.'
    ])
    expect(
      messagesFor({ type: 'object', patternProperties: { '^x': {} }, additionalProperties: false }, { b: 1 })
    ).toEqual(['The root value has an unexpected property, b.'])
  })

  it('min/maxProperties count the properties', () => {
    expect(messagesFor({ minProperties: 2 }, { a: 1 })).toEqual([
      'The root value must have 2 or more properties but it has 1.'
    ])
    expect(messagesFor({ maxProperties: 0 }, { a: 1 })).toEqual([
      'The root value must have 0 or fewer properties but it has 1.'
    ])
  })

  it('dependencies name both properties', () => {
    expect(messagesFor({ dependencies: { card: ['billing', 'zip'] } }, { card: 1 })).toEqual([
      'The root value must have property billing when card is present.',
      'The root value must have property zip when card is present.'
    ])
  })

  it('propertyNames names the key; its pattern error is dropped as redundant', () => {
    expect(messagesFor({ propertyNames: { pattern: '^a' } }, { b: 1, c: 2 })).toEqual([
      'The root value has an invalid property name "b".',
      'The root value has an invalid property name "c".'
    ])
    expect(messagesFor({ propertyNames: { maxLength: 3 } }, { long_name: 1 })).toEqual([
      'The root value must be 3 characters or fewer but it was 9 characters.',
      'The root value has an invalid property name "long_name".'
    ])
  })

  it('keeps the pattern error of a property that happens to be called "propertyNames"', () => {
    const schema = { type: 'object', properties: { propertyNames: { pattern: '^a' } } }
    expect(messagesFor(schema, { propertyNames: 'b' })).toEqual(['The value at /propertyNames is an invalid string.'])
  })
})
