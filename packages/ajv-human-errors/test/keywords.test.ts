import Ajv2019 from 'ajv/dist/2019'
import Ajv from 'ajv'
import { AggregateAjvError } from '../src'
import { messagesFor } from './humanize'

describe('type', () => {
  it.each([
    [{ type: 'string' }, 1, 'The root value must be a string but it was a number.'],
    [{ type: 'integer' }, 1.5, 'The root value must be an integer but it was a number.'],
    [{ type: 'object' }, [], 'The root value must be an object but it was an array.'],
    [{ type: 'number' }, null, 'The root value must be a number but it was null.'],
    [{ type: 'null' }, 'x', 'The root value must be a null but it was a string.'],
    [{ type: ['string', 'number'] }, true, 'The root value must be a string or number but it was a boolean.'],
    [
      { type: ['null', 'string', 'number'] },
      {},
      'The root value must be a null, string, or number but it was an object.'
    ]
  ])('%j with %j', (schema, data, message) => {
    expect(messagesFor(schema, data)).toEqual([message])
  })
})

describe('object keywords', () => {
  it('required names the missing field', () => {
    expect(messagesFor({ type: 'object', required: ['email'] }, {})).toEqual([
      "The root value is missing the required field 'email'."
    ])
  })

  it('additionalProperties lists the allowed properties', () => {
    expect(
      messagesFor({ type: 'object', properties: { a: {}, b: {} }, additionalProperties: false }, { c: 1 })
    ).toEqual(['The root value has an unexpected property, c, which is not in the list of allowed properties (a, b).'])
  })

  it('additionalProperties without a properties list still gives a sentence', () => {
    expect(messagesFor({ type: 'object', additionalProperties: false }, { c: 1 })).toEqual([
      'The root value has an unexpected property, c.'
    ])
    expect(
      messagesFor({ type: 'object', patternProperties: { '^x': {} }, additionalProperties: false }, { c: 1 })
    ).toEqual(['The root value has an unexpected property, c.'])
  })

  it('minProperties / maxProperties count the properties', () => {
    expect(messagesFor({ minProperties: 2 }, { a: 1 })).toEqual([
      'The root value must have 2 or more properties but it has 1.'
    ])
    expect(messagesFor({ maxProperties: 0 }, { a: 1 })).toEqual([
      'The root value must have 0 or fewer properties but it has 1.'
    ])
  })

  it('dependencies (array form) names both properties', () => {
    expect(messagesFor({ dependencies: { card: ['billing', 'zip'] } }, { card: 1 })).toEqual([
      'The root value must have property billing when card is present.',
      'The root value must have property zip when card is present.'
    ])
  })

  it('dependentRequired (Ajv 2019) uses Ajv text, as the reference does', () => {
    const validate = new Ajv2019({ allErrors: true, verbose: true, strictTypes: false }).compile({
      dependentRequired: { a: ['b'] }
    })
    validate({ a: 1 })
    expect(new AggregateAjvError(validate.errors ?? []).message).toBe(
      'The root value must have property b when property a is present.'
    )
  })

  it('propertyNames reports the name; a pattern inside it is redundant', () => {
    expect(messagesFor({ type: 'object', propertyNames: { pattern: '^a' } }, { b: 1 })).toEqual([
      'The root value has an invalid property name "b".'
    ])
    expect(messagesFor({ type: 'object', propertyNames: { maxLength: 1 } }, { 'a"b': 1 })).toEqual([
      'The root value must be 1 character or fewer but it was 3 characters.',
      'The root value has an invalid property name "a\\"b".'
    ])
  })

  it('keeps pattern errors of a property that is merely called propertyNames', () => {
    const schema = { type: 'object', properties: { propertyNames: { type: 'string', pattern: '^a' } } }
    expect(messagesFor(schema, { propertyNames: 'b' })).toEqual(['The value at /propertyNames is an invalid string.'])
  })
})

describe('string keywords', () => {
  it('minLength / maxLength count UTF-16 code units and pluralize', () => {
    expect(messagesFor({ minLength: 2 }, 'a')).toEqual([
      'The root value must be 2 characters or more but it was 1 character.'
    ])
    expect(messagesFor({ maxLength: 1 }, 'ab')).toEqual([
      'The root value must be 1 character or fewer but it was 2 characters.'
    ])
    expect(messagesFor({ minLength: 3 }, '😀😀')).toEqual([
      'The root value must be 3 characters or more but it was 4 characters.'
    ])
  })

  it('pattern without and with patternLabel', () => {
    expect(messagesFor({ pattern: '^\\d+$' }, 'x')).toEqual(['The root value is an invalid string.'])
    expect(messagesFor({ pattern: '^\\d+$', patternLabel: 'a number in digits' }, 'x')).toEqual([
      'The root value must be a number in digits but it was not.'
    ])
  })

  it('format uses readable names for known formats and the name for the rest', () => {
    expect(messagesFor({ format: 'email' }, 'x')).toEqual([
      'The root value must be a valid email address string but it was not.'
    ])
    expect(messagesFor({ format: 'date-time' }, 'x')).toEqual([
      'The root value must be a valid date and time string but it was not.'
    ])
    expect(messagesFor({ format: 'uuid' }, 'x')).toEqual(['The root value must be a valid uuid string but it was not.'])
  })

  it('a format named after an Object.prototype member is named as written', () => {
    const ajv = new Ajv({ allErrors: true, verbose: true, strictTypes: false })
    ajv.addFormat('constructor', () => false)
    const validate = ajv.compile({ format: 'constructor' })
    validate('x')
    expect(new AggregateAjvError(validate.errors ?? []).message).toBe(
      'The root value must be a valid constructor string but it was not.'
    )
  })
})

describe('number keywords', () => {
  it.each([
    [{ minimum: -0.5 }, -1, 'The root value must be equal to or greater than -0.5.'],
    [{ maximum: 99 }, 100, 'The root value must be equal to or less than 99.'],
    [{ exclusiveMinimum: 0 }, 0, 'The root value must be greater than 0.'],
    [{ exclusiveMaximum: 100 }, 250, 'The root value must be less than 100.'],
    [{ multipleOf: 5 }, 7, 'The root value must be a multiple of 5.']
  ])('%j with %j', (schema, data, message) => {
    expect(messagesFor(schema, data)).toEqual([message])
  })
})

describe('array keywords', () => {
  it('minItems / maxItems count the items', () => {
    expect(messagesFor({ minItems: 1 }, [])).toEqual(['The root value must have 1 or more items but it has 0.'])
    expect(messagesFor({ maxItems: 1 }, [1, 2, 3])).toEqual(['The root value must have 1 or fewer items but it has 3.'])
  })

  it('uniqueItems names the two equal elements, earlier first', () => {
    expect(messagesFor({ uniqueItems: true }, [1, 2, 1])).toEqual([
      'The root value must be unique but elements 0 and 2 are the same.'
    ])
  })

  it('contains reports the item errors and then Ajv text', () => {
    expect(messagesFor({ contains: { type: 'string' } }, [1])).toEqual([
      'The value at /0 must be a string but it was a number.',
      'The root value must contain at least 1 valid item(s).'
    ])
  })

  it('additionalItems: false uses Ajv text', () => {
    expect(messagesFor({ items: [{}], additionalItems: false }, [1, 2])).toEqual([
      'The root value must NOT have more than 1 items.'
    ])
  })
})

describe('value keywords', () => {
  it('enum lists the allowed values as JSON with a serial comma', () => {
    expect(messagesFor({ enum: ['a', 'b', 'c'] }, 'd')).toEqual(['The root value must be one of: "a", "b", or "c".'])
    expect(messagesFor({ enum: [{ a: 1 }, [1, 2]] }, 1)).toEqual(['The root value must be one of: {"a":1} or [1,2].'])
  })

  it('const uses Ajv text', () => {
    expect(messagesFor({ const: 'x' }, 'y')).toEqual(['The root value must be equal to constant.'])
  })
})

describe('composition keywords', () => {
  it('anyOf reports each branch and then Ajv text', () => {
    expect(messagesFor({ anyOf: [{ type: 'string' }, { type: 'number' }] }, true)).toEqual([
      'The root value must be a string but it was a boolean.',
      'The root value must be a number but it was a boolean.',
      'The root value must match a schema in anyOf.'
    ])
  })

  it('oneOf with two matches', () => {
    expect(messagesFor({ oneOf: [{ type: 'number' }, { type: 'integer' }] }, 3)).toEqual([
      'The root value must match exactly one schema in oneOf.'
    ])
  })

  it('not, if/then/else and false schemas use Ajv text', () => {
    expect(messagesFor({ not: { type: 'string' } }, 'x')).toEqual(['The root value must NOT be valid.'])
    expect(messagesFor({ if: { type: 'string' }, then: { minLength: 3 } }, 'a')).toEqual([
      'The root value must be 3 characters or more but it was 1 character.',
      'The root value must match "then" schema.'
    ])
    expect(messagesFor({ if: { type: 'string' }, else: { type: 'number' } }, true)).toEqual([
      'The root value must be a number but it was a boolean.',
      'The root value must match "else" schema.'
    ])
    expect(messagesFor(false, 1)).toEqual(['The root value boolean schema is false.'])
  })
})

describe('errorMessage', () => {
  it('a string replaces the sentence of every error of its schema', () => {
    expect(messagesFor({ type: 'object', required: ['x'], errorMessage: 'is bad' }, {})).toEqual([
      'The root value is bad.'
    ])
  })

  it('wins over patternLabel', () => {
    expect(messagesFor({ pattern: '^a', patternLabel: 'an a-word', errorMessage: 'must be nice' }, 'b')).toEqual([
      'The root value must be nice.'
    ])
  })

  it('an object gives one message per keyword', () => {
    const schema = { type: 'string', minLength: 3, errorMessage: { minLength: 'is too short' } }
    expect(messagesFor(schema, 'a')).toEqual(['The root value is too short.'])
    expect(messagesFor(schema, 1)).toEqual(['The root value must be a string but it was a number.'])
  })

  it('blank or non-string values are ignored', () => {
    expect(messagesFor({ type: 'string', errorMessage: '  ' }, 1)).toEqual([
      'The root value must be a string but it was a number.'
    ])
    expect(messagesFor({ type: 'string', errorMessage: 5 }, 1)).toEqual([
      'The root value must be a string but it was a number.'
    ])
  })
})
