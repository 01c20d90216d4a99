import fc from 'fast-check'
import type { JSONSchema4 } from 'json-schema'
import { certainlyValid } from '../../src/destination-kit/quick-validate'
import { createAjv, getValidator } from '../../src/destination-kit/ajv'
import { fieldsToJsonSchema } from '../../src/destination-kit/fields-to-jsonschema'
import type { MinimalFields } from '../../src/destination-kit/fields-to-jsonschema'

// The quick check may say "valid" only where Ajv, configured as the runtime's (the same factory),
// says valid and leaves the value as it was (no coercion, no removed key).
const ajv = createAjv()

// A deep copy that keeps each object's prototype (generated objects may have none).
function copyOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyOf)
  if (value === null || typeof value !== 'object') return value
  const out = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>
  for (const key of Object.keys(value)) out[key] = copyOf((value as Record<string, unknown>)[key])
  return out
}

function ajvAnswer(schema: JSONSchema4, value: unknown): { valid: boolean; unchanged: boolean } {
  const { $schema: _ignored, ...rest } = schema
  const copy = copyOf(value)
  const valid = ajv.compile(rest)(copy)
  return { valid, unchanged: JSON.stringify(copy) === JSON.stringify(value) }
}

const fieldType = fc.constantFrom('string', 'number', 'integer', 'boolean', 'datetime', 'object', 'text', 'password')
const field = fc.record(
  {
    label: fc.constant('F'),
    type: fieldType,
    required: fc.boolean(),
    multiple: fc.boolean(),
    allowNull: fc.boolean(),
    format: fc.constantFrom(undefined, 'uri', 'email', 'date-time', 'int32'),
    choices: fc.constantFrom(undefined, ['a', 'b'], [1, 2])
  },
  { requiredKeys: ['label', 'type'] }
)
const fields = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'toString', 'n'), field, { maxKeys: 4 })
const leaf = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.constantFrom('a', 'b', '2024-01-02T03:04:05Z', 'https://x.test', '12', 'true', '', '\u{1F600}'),
  fc.integer({ min: -3, max: 3 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null)
)
const value = fc.dictionary(
  fc.constantFrom('a', 'b', 'c', 'd', 'toString', 'n'),
  fc.oneof(leaf, fc.array(leaf, { maxLength: 2 }), fc.dictionary(fc.constantFrom('x', 'y'), leaf, { maxKeys: 2 })),
  { maxKeys: 4 }
)

describe('quick payload check', () => {
  test('says valid only where Ajv says valid and changes nothing', () => {
    let sure = 0
    fc.assert(
      fc.property(fields, value, fc.boolean(), (described, payload, open) => {
        const schema = fieldsToJsonSchema(described as unknown as MinimalFields, { additionalProperties: open })
        if (!certainlyValid(schema, payload)) return
        sure++
        expect({ schema, payload, answer: ajvAnswer(schema, payload) }).toEqual({
          schema,
          payload,
          answer: { valid: true, unchanged: true }
        })
      }),
      { numRuns: 3000 }
    )
    // The property must not hold only because the check is never sure.
    expect(sure).toBeGreaterThan(300)
  })

  test('is sure about well-formed payloads of the usual field types', () => {
    const schema = fieldsToJsonSchema({
      id: { label: 'ID', type: 'string', required: true },
      count: { label: 'Count', type: 'integer' },
      when: { label: 'When', type: 'datetime' },
      tags: { label: 'Tags', type: 'string', multiple: true },
      extra: { label: 'Extra', type: 'object' }
    } as unknown as MinimalFields)
    const payload = { id: 'x', count: 2, when: '2024-01-02T03:04:05.000Z', tags: ['a'], extra: { any: [1] } }
    expect(certainlyValid(schema, payload)).toBe(true)
    // Coercion, a removed key, a missing required field or an unknown format: left to Ajv.
    expect(certainlyValid(schema, { ...payload, count: '2' })).toBe(false)
    expect(certainlyValid(schema, { ...payload, unknown: 1 })).toBe(false)
    expect(certainlyValid(schema, { count: 2 })).toBe(false)
    expect(certainlyValid({ type: 'string', format: 'email' }, 'a@b.test')).toBe(false)
  })

  test('a runtime validator reports Ajv errors and coerces, whether or not it was checked quickly before', () => {
    const schema = fieldsToJsonSchema({
      id: { label: 'ID', type: 'string', required: true },
      count: { label: 'Count', type: 'integer' }
    } as unknown as MinimalFields)
    const validate = getValidator(schema)
    expect(validate({ id: 'x', count: 1 })).toBe(true)
    expect(validate.errors).toBeNull()
    const coerced: Record<string, unknown> = { id: 'x', count: '3' }
    expect(validate(coerced)).toBe(true)
    expect(coerced.count).toBe(3)
    expect(validate({ count: 1 })).toBe(false)
    expect(validate.errors?.[0]).toMatchObject({ keyword: 'required', params: { missingProperty: 'id' } })
  })
})
