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
  fc.tuple(field, fc.constantFrom('=', '!=')).map(([f, op]) => `${f} ${op} null`)
)
// The reference's group scanner garbles function calls inside parentheses (a documented defect), so calls
// appear only at the top level here.
const callField = field.filter((name) => name !== 'type') // contains()/match() on type is invalid FQL
const call = fc.oneof(
  fc
    .tuple(callField, fc.constantFrom('contains', '!contains'), textValue)
    .map(([f, fn, v]) => `${fn}(${f}, "${v.slice(0, 3)}")`),
  fc
    .tuple(callField, fc.constantFrom('match', '!match'), textValue)
    .map(([f, fn, v]) => `${fn}(${f}, "${v.slice(0, 2)}*")`)
)

const joined = (item: fc.Arbitrary<string>) =>
  fc
    .tuple(fc.array(item, { minLength: 1, maxLength: 3 }), fc.constantFrom(' and ', ' or '))
    .map(([items, joiner]) => items.join(joiner))

const query = joined(
  fc.oneof(
    { weight: 3, arbitrary: comparison },
    { weight: 2, arbitrary: call },
    { weight: 1, arbitrary: joined(comparison).map((q) => `(${q})`) }
  )
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

type Tree = { type?: string; operator?: string; children?: (Tree | null)[]; error?: unknown }

// A tree with a missing child is reference garbage (a documented defect), not a yardstick.
function isSound(tree: Tree | null): boolean {
  return tree !== null && typeof tree === 'object' && !('error' in tree) && (tree.children ?? []).every(isSound)
}

// The reference sometimes folds a trailing `and (...)` group into its parent (`a and (b and c)` gives one group
// of three); both trees mean the same, so trees are compared with same-operator groups folded.
function foldGroups(tree: Tree): Tree {
  if (tree.type !== 'group' || !tree.children) return tree
  const children = tree.children.flatMap((child) => {
    const folded = foldGroups(child as Tree)
    return folded.type === 'group' && folded.operator === tree.operator ? (folded.children ?? []) : [folded]
  })
  return { ...tree, children }
}

// Inputs the reference cannot handle (it returns an error or crashes on two parenthesised groups) are documented
// defects, not a yardstick: they are skipped here and covered by the conformance cases.
function referenceVerdict(fql: string, sample: unknown): boolean | undefined {
  const tree = reference.parseFql(fql) as Tree
  if (!isSound(tree)) return undefined
  try {
    return reference.validate(tree as never, sample as never)
  } catch {
    return undefined
  }
}

describe('FQL agrees with the reference on well-formed queries', () => {
  test('parseFql gives the same tree', () => {
    fc.assert(
      fc.property(query, (fql) => {
        const expected = reference.parseFql(fql) as Tree
        fc.pre(isSound(expected))
        expect(foldGroups(ours.parseFql(fql) as Tree)).toEqual(foldGroups(expected))
      }),
      { numRuns: 1500 }
    )
  })

  test('validate and compileFql give the same verdict as the reference', () => {
    fc.assert(
      fc.property(query, event, (fql, sample) => {
        const expected = referenceVerdict(fql, sample)
        fc.pre(expected !== undefined)
        expect(ours.validate(ours.parseFql(fql), sample)).toBe(expected)
        expect(ours.compileFql(fql)(sample)).toBe(expected)
      }),
      { numRuns: 3000 }
    )
  })
})
