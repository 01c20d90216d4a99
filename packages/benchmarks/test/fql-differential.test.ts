// Differential fuzzing: for well-formed FQL (the part of the language where the reference has no documented
// defect), our parser, matcher and compiled matcher must agree with the reference on random events.
import fc from 'fast-check'
import * as ours from '@action-destinations/destination-subscriptions'
import * as reference from '@segment/destination-subscriptions'

const key = fc.constantFrom('a', 'b', 'c')
const textValue = fc.constantFrom('x', 'y', 'Order Completed', 'track', 'user-1')
const numberValue = fc.constantFrom(0, 1, 2, 3, 2.5, 10)

const field = fc.oneof(
  fc.constantFrom('type', 'event', 'name', 'userId'),
  key.map((k) => `properties.${k}`),
  key.map((k) => `traits.${k}`),
  fc.tuple(key, key).map(([k1, k2]) => `context.${k1}.${k2}`)
)

const comparison = fc.oneof(
  fc.tuple(field, fc.constantFrom('=', '!='), textValue).map(([f, op, v]) => `${f} ${op} "${v}"`),
  fc.tuple(field, fc.constantFrom('=', '!=', '<', '<=', '>', '>='), numberValue).map(([f, op, v]) => `${f} ${op} ${v}`),
  fc.tuple(field, fc.constantFrom('true', 'false')).map(([f, v]) => `${f} = ${v}`),
  fc.tuple(field, fc.constantFrom('=', '!=')).map(([f, op]) => `${f} ${op} null`),
  fc
    .tuple(field, fc.constantFrom('contains', '!contains'), textValue)
    .map(([f, fn, v]) => `${fn}(${f}, "${v.slice(0, 3)}")`),
  fc.tuple(field, fc.constantFrom('match', '!match'), textValue).map(([f, fn, v]) => `${fn}(${f}, "${v.slice(0, 2)}*")`)
)

const joined = (item: fc.Arbitrary<string>) =>
  fc
    .tuple(fc.array(item, { minLength: 1, maxLength: 3 }), fc.constantFrom(' and ', ' or '))
    .map(([items, joiner]) => items.join(joiner))

const query = joined(
  fc.oneof({ weight: 3, arbitrary: comparison }, { weight: 1, arbitrary: joined(comparison).map((q) => `(${q})`) })
)

const leaf = fc.oneof(textValue, numberValue, fc.boolean(), fc.constant(null))
const bag = fc.dictionary(key, leaf, { maxKeys: 3 })
const event = fc.record(
  {
    type: fc.constantFrom('track', 'identify', 'page', 'screen', 'group', 'alias'),
    event: textValue,
    name: textValue,
    userId: fc.oneof(textValue, numberValue, fc.constant(null)),
    properties: bag,
    traits: bag,
    context: fc.dictionary(key, bag, { maxKeys: 3 })
  },
  { requiredKeys: ['type'] }
)

describe('FQL agrees with the reference on well-formed queries', () => {
  test('parseFql gives the same tree', () => {
    fc.assert(
      fc.property(query, (fql) => {
        expect(ours.parseFql(fql)).toEqual(reference.parseFql(fql))
      }),
      { numRuns: 1500 }
    )
  })

  test('validate and compileFql give the same verdict as the reference', () => {
    fc.assert(
      fc.property(query, event, (fql, sample) => {
        const expected = reference.validate(reference.parseFql(fql), sample)
        expect(ours.validate(ours.parseFql(fql), sample)).toBe(expected)
        expect(ours.compileFql(fql)(sample)).toBe(expected)
      }),
      { numRuns: 3000 }
    )
  })
})
