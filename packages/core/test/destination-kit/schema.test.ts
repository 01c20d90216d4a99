import {
  fieldsToJsonSchema,
  validateSchema,
  defaultValues,
  retry,
  omit,
  realTypeOf,
  isObject,
  resolveAudienceMembership
} from '../../src'
import { removeEmptyValues } from '../../src/remove-empty-values'
import { isDateLike } from '../../src/destination-kit/date-like'

// Expected shapes below were observed from @segment/actions-core 3.170.0.
describe('fieldsToJsonSchema', () => {
  it('maps every field type', () => {
    const schema = fieldsToJsonSchema({
      s: { label: 'S', description: 'd', type: 'string', required: true, format: 'email', default: 'x' },
      t: { label: 'T', description: 'd', type: 'text' },
      pw: { label: 'P', description: 'd', type: 'password' },
      n: { label: 'N', description: 'd', type: 'number', minimum: 1, maximum: 5 },
      sm: { label: 'SM', description: 'd', type: 'string', minimum: 1, maximum: 5 },
      i: { label: 'I', description: 'd', type: 'integer', allowNull: true },
      b: { label: 'B', description: 'd', type: 'boolean', multiple: true, allowNull: true },
      dt: { label: 'DT', description: 'd', type: 'datetime' },
      o: { label: 'O', description: 'd', type: 'object', additionalProperties: true },
      ch: { label: 'CH', description: 'd', type: 'string', choices: ['a', 'b'], allowNull: true },
      chl: { label: 'CHL', description: 'd', type: 'string', choices: [{ label: 'A', value: 'a' }], multiple: true }
    })
    expect(JSON.parse(JSON.stringify(schema))).toEqual({
      $schema: 'http://json-schema.org/schema#',
      type: 'object',
      additionalProperties: false,
      properties: {
        s: { title: 'S', description: 'd', type: 'string', format: 'email', default: 'x' },
        t: { title: 'T', description: 'd', type: 'string', format: 'text' },
        pw: { title: 'P', description: 'd', type: 'string', format: 'password' },
        n: { title: 'N', description: 'd', type: 'number', minimum: 1, maximum: 5 },
        sm: { title: 'SM', description: 'd', type: 'string', minLength: 1, maxLength: 5 },
        i: { title: 'I', description: 'd', type: ['integer', 'null'] },
        b: { title: 'B', description: 'd', type: 'array', items: { type: 'boolean' } },
        dt: { title: 'DT', description: 'd', type: ['string', 'number'], format: 'date-like' },
        o: { title: 'O', description: 'd', type: 'object' },
        ch: { title: 'CH', description: 'd', type: ['string', 'null'], enum: ['a', 'b', null] },
        chl: { title: 'CHL', description: 'd', type: 'array', items: { type: 'string', enum: ['a'] } }
      },
      required: ['s']
    })
  })

  it('nests object properties and lifts conditional requirements', () => {
    const schema = fieldsToJsonSchema({
      kind: { label: 'Kind', type: 'string' },
      user: {
        label: 'User',
        type: 'object',
        properties: {
          id: { label: 'ID', type: 'string' },
          email: {
            label: 'Email',
            type: 'string',
            required: { conditions: [{ fieldKey: 'kind', operator: 'is', value: 'email' }] }
          }
        }
      },
      phone: {
        label: 'Phone',
        type: 'string',
        required: {
          match: 'any',
          conditions: [
            { fieldKey: 'kind', operator: 'is', value: 'sms' },
            { fieldKey: 'user.id', operator: 'is' }
          ]
        }
      }
    })
    expect(JSON.parse(JSON.stringify(schema.allOf))).toEqual([
      {
        if: { required: ['kind'], properties: { kind: { const: 'email' } } },
        then: { required: ['user'], properties: { user: { required: ['email'] } } }
      },
      {
        if: {
          anyOf: [
            { properties: { kind: { const: 'sms' } }, required: ['kind'] },
            { not: { properties: { user: { required: ['id'] } }, required: ['user'] } }
          ]
        },
        then: { required: ['phone'] }
      }
    ])
    expect((schema.properties?.user as { required?: unknown }).required).toBeUndefined()
  })

  it('options: tsType, omitRequiredSchemas, additionalSchema', () => {
    const fields = { a: { label: 'A', type: 'datetime' as const, required: true, allowNull: true } }
    expect(fieldsToJsonSchema(fields, { tsType: true }).properties?.a.tsType).toBe('string | number | null')
    expect(fieldsToJsonSchema(fields, { omitRequiredSchemas: true }).required).toBeUndefined()
    expect(fieldsToJsonSchema(fields, {}, { title: 'extra' }).title).toBe('extra')
  })

  it('sync mode conditions are not enforced instead of crashing', () => {
    expect(() =>
      fieldsToJsonSchema({
        a: {
          label: 'A',
          type: 'string',
          required: { conditions: [{ type: 'syncMode', operator: 'is', value: 'add' }] }
        }
      })
    ).not.toThrow()
  })
})

describe('removeEmptyValues', () => {
  const schema = fieldsToJsonSchema({
    s: { label: 's', type: 'string' },
    ns: { label: 'ns', type: 'string', allowNull: true },
    n: { label: 'n', type: 'number' },
    list: { label: 'l', type: 'number', multiple: true },
    o: {
      label: 'o',
      type: 'object',
      properties: { s: { label: 's', type: 'string' }, n: { label: 'n', type: 'number' } }
    }
  })
  it('follows the reference rules and returns a copy', () => {
    const input = { s: '', ns: null, n: null, list: [1, null, '', 2], o: { s: '', n: '' }, unknown: null, other: '' }
    const before = JSON.stringify(input)
    expect(removeEmptyValues(input, schema, true)).toEqual({ ns: null, list: [1, 2], o: { s: '' }, unknown: null })
    expect(JSON.stringify(input)).toBe(before)
    expect(removeEmptyValues({ s: '', n: null }, schema, false)).toEqual({ s: '' })
  })
})

describe('date-like', () => {
  it.each([
    ['2024-03-04T05:06:07Z', true],
    ['1709528767000', true],
    ['March 4, 2024', true],
    ['2024-13-45', true],
    ['not a date', false],
    ['', false],
    ['1e3', false],
    [5, true]
  ])('%p → %p', (value, expected) => expect(isDateLike(value)).toBe(expected))
})

describe('date-like ISO strings', () => {
  it('agrees with the engine on every combination of in-range and out-of-range fields', () => {
    const years = ['0000', '1970', '2024', '9999']
    const months = ['00', '01', '02', '12', '13']
    const days = ['00', '01', '28', '29', '30', '31', '32']
    const times = ['00:00', '23:59', '24:00', '12:60', '00:00:00', '10:00:59', '10:00:60', '10:00:00.1', '10:00:00.123']
    const zones = ['Z', '+01:00', '-23:59', '+24:00', 'z', '']
    for (const y of years)
      for (const m of months)
        for (const d of days)
          for (const t of times)
            for (const z of zones) {
              const value = `${y}-${m}-${d}T${t}${z}`
              if (z === 'Z' || z.startsWith('+') || z.startsWith('-'))
                expect([value, isDateLike(value)]).toEqual([value, !Number.isNaN(new Date(value).getTime())])
            }
  })
})

describe('utilities', () => {
  it('validateSchema coerces in place and throws AggregateAjvError', () => {
    const schema = fieldsToJsonSchema({ n: { label: 'N', type: 'number' } })
    const obj = { n: '5', extra: 1 }
    expect(validateSchema(obj, schema)).toBe(true)
    expect(obj).toEqual({ n: 5 })
    expect(() => validateSchema({ n: 'x' }, schema)).toThrow('N must be a number but it was a string.')
    expect(validateSchema({ n: 'x' }, schema, { throwIfInvalid: false })).toBe(false)
  })

  it('defaultValues, omit, realTypeOf', () => {
    expect(defaultValues({ a: { default: 1 }, b: {}, c: { default: null } })).toEqual({ a: 1, c: null })
    const obj = { a: 1, b: 2 }
    expect(omit(obj, ['a'])).toEqual({ b: 2 })
    expect(obj).toEqual({ a: 1, b: 2 })
    expect([realTypeOf(null), realTypeOf([]), realTypeOf(/x/), realTypeOf({})]).toEqual([
      'null',
      'array',
      'regexp',
      'object'
    ])
    // Other built-in objects are named by their tag, as in the reference: a Date is not an object.
    expect([realTypeOf(new Date(0)), realTypeOf(new Map()), realTypeOf(undefined), realTypeOf(1)]).toEqual([
      'date',
      'map',
      'undefined',
      'number'
    ])
    expect(isObject(new Date(0))).toBe(false)
    expect(isObject(Object.create(null))).toBe(true)
  })

  it('retry: attempts, onFailedAttempt, shouldRetry (truthy accepts)', async () => {
    const seen: number[] = []
    await expect(
      retry(
        async (n) => {
          seen.push(n)
          if (n < 3) throw new Error(`f${n}`)
          return n
        },
        { retries: 5 }
      )
    ).resolves.toBe(3)
    await expect(retry(async () => Promise.reject(new Error('always')))).rejects.toThrow('always')
    await expect(retry(async (n) => n, { retries: 3, shouldRetry: (r) => (r as number) >= 2 })).resolves.toBe(2)
    // As in the reference: no attempt at all is an error, and a falsy error is not retried.
    await expect(retry(async () => 1, { retries: 0 })).rejects.toThrow('Exhausted all retries.')
    let calls = 0
    await expect(
      retry(
        async () => {
          calls++
          throw undefined
        },
        { retries: 3 }
      )
    ).rejects.toBeUndefined()
    expect(calls).toBe(1)
  })

  it('resolveAudienceMembership: engage and retl', () => {
    const personas = { computation_class: 'audience', computation_key: 'aud' }
    expect(resolveAudienceMembership({ type: 'track', properties: { aud: true }, context: { personas } })).toBe(true)
    expect(resolveAudienceMembership({ type: 'identify', traits: { aud: false }, context: { personas } })).toBe(false)
    expect(resolveAudienceMembership({ type: 'track', event: 'new' }, 'upsert')).toBe(true)
    expect(resolveAudienceMembership({ type: 'track', event: 'deleted' }, 'mirror')).toBe(false)
    expect(resolveAudienceMembership({ type: 'track', event: 'new' })).toBeUndefined()
  })
})
