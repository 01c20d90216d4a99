// Differential fuzzing: for mappings built from documented directive forms (no case the reference gets wrong),
// our transform must give exactly the reference's payload or the reference's error message.
import fc from 'fast-check'
import * as ours from '@action-destinations/core'
import * as reference from '@segment/actions-core'

const key = fc.constantFrom('a', 'b', 'c', 'userId', 'name')
const path = fc.array(key, { minLength: 1, maxLength: 3 }).map((segments) => `$.${segments.join('.')}`)
const pathDirective = path.map((p) => ({ '@path': p }))
const template = fc
  .array(
    fc.oneof(
      fc.constantFrom('hi ', '-', '/'),
      key.map((k) => `{{${k}}}`)
    ),
    { minLength: 1, maxLength: 4 }
  )
  .map((parts) => ({ '@template': parts.join('') }))
const raw = fc.oneof(fc.constantFrom('x', 'Hello World', ''), fc.integer({ min: -5, max: 5 }), fc.boolean())

type Mapping = unknown
const value: fc.Arbitrary<Mapping> = fc.letrec<{ value: Mapping }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    raw,
    pathDirective,
    template,
    fc.record({ '@literal': raw }),
    fc.tuple(pathDirective, tie('value'), tie('value'), fc.boolean()).map(([exists, then, otherwise, blank]) => ({
      '@if': { [blank ? 'blank' : 'exists']: exists, then, else: otherwise }
    })),
    fc
      .tuple(fc.constantFrom('lower', 'upper'), pathDirective)
      .map(([operator, v]) => ({ '@case': { operator, value: v } })),
    fc
      .tuple(fc.constantFrom('o', 'l', ' '), fc.constantFrom('0', '', '_'), fc.boolean(), fc.boolean(), pathDirective)
      .map(([pattern, replacement, global, ignorecase, v]) => ({
        '@replace': { pattern, replacement, global, ignorecase, value: v }
      })),
    fc.dictionary(key, tie('value'), { minKeys: 1, maxKeys: 3 }),
    fc.array(tie('value'), { maxLength: 3 })
  )
})).value
const mapping = fc.dictionary(key, value, { minKeys: 1, maxKeys: 4 })

const leaf = fc.oneof(
  fc.constantFrom('x', 'Hello World', 'A b C'),
  fc.integer({ min: -3, max: 3 }),
  fc.boolean(),
  fc.constant(null)
)
const data = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.dictionary(key, tie('node'), { maxKeys: 3 }),
    fc.array(tie('node'), { maxLength: 2 })
  )
})).node
const event = fc.dictionary(key, data, { maxKeys: 4 })

function outcome(run: () => unknown): { value?: unknown; error?: string } {
  try {
    return { value: run() }
  } catch (error) {
    return { error: (error as Error).message }
  }
}

test('transform agrees with the reference on documented directive forms', () => {
  fc.assert(
    fc.property(mapping, event, (m, e) => {
      // The reference writes into the mapping it is given, so each side gets its own copy.
      const expected = outcome(() => reference.transform(structuredClone(m) as never, structuredClone(e) as never))
      const actual = outcome(() => ours.transform(structuredClone(m) as never, e as never))
      expect(actual).toEqual(expected)
    }),
    { numRuns: 2000 }
  )
})

test('transform agrees with the reference over a run of events through one mapping (learned object shapes)', () => {
  fc.assert(
    fc.property(mapping, fc.array(event, { minLength: 2, maxLength: 8 }), (m, events) => {
      // Events repeat, as runtimes send many alike through one mapping, so copies meet shapes they learned.
      for (const e of [...events, ...events]) {
        const expected = outcome(() => reference.transform(structuredClone(m) as never, structuredClone(e) as never))
        const actual = outcome(() => ours.transform(m as never, e as never))
        expect(actual).toEqual(expected)
      }
    }),
    { numRuns: 500 }
  )
})
