import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import fc from 'fast-check'
import { AggregateAjvError } from '../../src'

// Small schemas built from the keywords this package knows, nested a couple of levels.
const leafSchema = fc.oneof(
  fc.record({ type: fc.constantFrom('string', 'number', 'integer', 'boolean', 'null', 'array', 'object') }),
  fc.record({ type: fc.constant('string'), minLength: fc.nat(4), maxLength: fc.nat(4) }, { requiredKeys: ['type'] }),
  fc.record({ pattern: fc.constantFrom('^a', '\\d+', '^$'), patternLabel: fc.string() }, { requiredKeys: ['pattern'] }),
  fc.record({ format: fc.constantFrom('email', 'date', 'uri', 'ipv4', 'uuid', 'date-time') }),
  fc.record({ enum: fc.array(fc.jsonValue(), { minLength: 1, maxLength: 3 }) }),
  fc.record({ const: fc.jsonValue() }),
  fc.record(
    {
      minimum: fc.integer(),
      maximum: fc.integer(),
      exclusiveMinimum: fc.integer(),
      multipleOf: fc.integer({ min: 1, max: 5 })
    },
    { requiredKeys: [] }
  ),
  fc.record({ minItems: fc.nat(3), maxItems: fc.nat(3), uniqueItems: fc.boolean() }, { requiredKeys: [] }),
  fc.record({ errorMessage: fc.string(), title: fc.string(), type: fc.constant('string') }, { requiredKeys: ['type'] })
)

const schema = fc.letrec<{ node: object }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafSchema,
    fc.record(
      {
        type: fc.constant('object'),
        properties: fc.dictionary(fc.constantFrom('a', 'b', 'c.d', 'e/f'), tie('node'), { maxKeys: 3 }),
        required: fc.uniqueArray(fc.constantFrom('a', 'b', 'x'), { maxLength: 2 }),
        additionalProperties: fc.boolean(),
        minProperties: fc.nat(2),
        propertyNames: fc.record({ pattern: fc.constant('^[a-c]'), maxLength: fc.nat(3) }, { requiredKeys: [] }),
        dependencies: fc.constant({ a: ['b'] })
      },
      { requiredKeys: ['type'] }
    ),
    fc.record({ type: fc.constant('array'), items: tie('node'), contains: tie('node') }, { requiredKeys: ['type'] }),
    fc.record({ anyOf: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ oneOf: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('node') }),
    fc.record({ if: tie('node'), then: tie('node'), else: tie('node') }, { requiredKeys: ['if'] })
  )
})).node

const ajv = new Ajv({ allErrors: true, verbose: true, logger: false, strict: false })
addFormats(ajv)

describe('property: any failed validation gives sentences', () => {
  it('never throws and every message is a non-empty string', () => {
    fc.assert(
      fc.property(
        schema,
        fc.jsonValue({ maxDepth: 3 }),
        fc.constantFrom('title', 'js', 'jsonPath', 'jsonPointer', 'instancePath' as const),
        (generated, data, fieldLabels) => {
          let validate
          try {
            validate = ajv.compile(generated)
          } catch {
            return // Ajv refused the schema: nothing to humanize.
          }
          try {
            if (validate(data)) return
          } catch {
            return // Ajv itself trips on keys such as `valueOf` when comparing values.
          }
          const aggregate = new AggregateAjvError(validate.errors ?? [], { fieldLabels })
          for (const error of aggregate) {
            expect(typeof error.message).toBe('string')
            expect(error.message.trim()).not.toBe('')
            expect(error.message).not.toMatch(/undefined|\[object Object\]/)
          }
          expect(aggregate.message).toBe(aggregate.errors.map((error) => error.message).join(' '))
        }
      ),
      { numRuns: 500 }
    )
  })
})
