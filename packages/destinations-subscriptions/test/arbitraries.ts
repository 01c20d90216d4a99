// fast-check generators for ASTs, events and condition groups.
import fc from 'fast-check'
import type { Condition, GroupCondition, LeafCondition } from '../src'
import type { ConditionGroup, ConditionRule } from '../src'

/** Strings FQL can write: an odd run of backslashes may not precede a quote or the end. */
export const isWritable = (value: string): boolean => !/(^|[^\\])(\\\\)*\\("|$)/.test(value)

const text = fc.string({ unit: 'grapheme', maxLength: 12 })
export const writableText = text.filter(isWritable)
const patternText = writableText.filter((value) => !value.includes('*'))
const nonEmptyPattern = patternText.filter((value) => value !== '')
export const finiteNumber = fc
  .double({ noNaN: true, noDefaultInfinity: true })
  .map((value) => (Object.is(value, -0) ? 0 : value))
const segment = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }).filter((value) => !/[.[\]]/.test(value))
export const propertyName = fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('.'))

const textOperators = (type: 'event' | 'name' | 'userId') =>
  fc.oneof(
    fc.record({
      type: fc.constant(type),
      operator: fc.constantFrom('=', '!=', 'contains', 'not_contains'),
      value: writableText
    }),
    fc.record({
      type: fc.constant(type),
      operator: fc.constantFrom('starts_with', 'not_starts_with'),
      value: patternText
    }),
    fc.record({
      type: fc.constant(type),
      operator: fc.constantFrom('ends_with', 'not_ends_with'),
      value: nonEmptyPattern
    })
  )

const pathLeaf = fc.oneof(
  fc.record({ operator: fc.constantFrom('=', '!=', 'contains', 'not_contains'), value: writableText }),
  fc.record({ operator: fc.constantFrom('starts_with', 'not_starts_with'), value: patternText }),
  fc.record({ operator: fc.constantFrom('ends_with', 'not_ends_with'), value: nonEmptyPattern }),
  fc.record({ operator: fc.constant('!='), value: fc.boolean() }),
  fc.record({
    operator: fc.constantFrom('number_equals', 'number_not_equals', '<', '<=', '>', '>='),
    value: finiteNumber
  }),
  fc.record({ operator: fc.constantFrom('exists', 'not_exists', 'is_true', 'is_false') })
)

/** Leaf conditions whose FQL reads back to exactly the same node. */
export const canonicalLeaf: fc.Arbitrary<LeafCondition> = fc.oneof(
  fc.record({ type: fc.constant('event-type'), operator: fc.constantFrom('=', '!='), value: writableText }),
  textOperators('event'),
  textOperators('name'),
  textOperators('userId'),
  fc.record({ type: fc.constantFrom('name', 'userId'), operator: fc.constantFrom('exists', 'not_exists') }),
  fc.record({ type: fc.constant('userId'), operator: fc.constantFrom('is_true', 'is_false') }),
  fc
    .tuple(fc.constantFrom('event-property', 'event-trait', 'event-context'), propertyName, pathLeaf)
    .map(([type, name, rest]) => ({ type, name, ...rest }))
) as fc.Arbitrary<LeafCondition>

/** Groups as the parser builds them: nested groups have at least two children. */
export const canonicalAst: fc.Arbitrary<GroupCondition> = fc
  .letrec<{ node: Condition; group: GroupCondition }>((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, canonicalLeaf, tie('group')),
    group: fc.record({
      type: fc.constant('group' as const),
      operator: fc.constantFrom('and' as const, 'or' as const),
      children: fc.array(tie('node'), { minLength: 2, maxLength: 4 })
    })
  }))
  .group.chain((group) =>
    fc.oneof(
      fc.constant(group),
      canonicalLeaf.map((leaf): GroupCondition => ({ type: 'group', operator: 'and', children: [leaf] }))
    )
  )

/** Any AST, including unknown operators, odd values and empty groups: for matcher agreement. */
const anyValue = fc.oneof(
  fc.string({ maxLength: 5 }),
  fc.integer({ min: -3, max: 3 }),
  fc.boolean(),
  fc.constant(undefined),
  // Values that generated predicates must write carefully as literals.
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0.1, -2.5, 1e21, 'a"b', 'a\\b', '\n', '\u2028', '\ud800', '${x}', '</')
)
const looseLeaf = fc.record(
  {
    type: fc.constantFrom(
      'event-type',
      'event',
      'name',
      'userId',
      'event-property',
      'event-trait',
      'event-context',
      'nope'
    ),
    name: fc.constantFrom('a', 'b', 'a.b', 'tags.0', 'tags.length', '', 'constructor', '__proto__', 'a"b', 'a\\b.b'),
    operator: fc.constantFrom(
      '=',
      '!=',
      '<',
      '<=',
      '>',
      '>=',
      'number_equals',
      'number_not_equals',
      'contains',
      'not_contains',
      'starts_with',
      'not_starts_with',
      'ends_with',
      'not_ends_with',
      'exists',
      'not_exists',
      'is_true',
      'is_false',
      'weird'
    ),
    value: anyValue
  },
  { requiredKeys: ['type', 'operator'] }
)
export const looseAst = fc.letrec<{ node: unknown; group: unknown }>((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, looseLeaf, tie('group')),
  group: fc.record({
    type: fc.constant('group'),
    operator: fc.constantFrom('and', 'or', 'xor'),
    children: fc.array(tie('node'), { maxLength: 4 })
  })
})).group as fc.Arbitrary<GroupCondition>

const scalar = fc.oneof(
  fc.constantFrom('a', 'b', 'ab', '', 'track', 'page', '1', 'true', 'undefined'),
  fc.integer({ min: -3, max: 3 }),
  fc.boolean(),
  fc.constant(null)
)
const bag = fc.dictionary(
  fc.constantFrom('a', 'b', 'tags', 'constructor', 'a"b', 'a\\b'),
  fc.oneof(scalar, fc.dictionary(fc.constantFrom('b', '0'), scalar), fc.array(scalar, { maxLength: 3 }))
)
export const event = fc.record(
  {
    type: scalar,
    event: scalar,
    name: scalar,
    userId: scalar,
    properties: fc.oneof(bag, fc.constant(null)),
    traits: bag,
    context: bag
  },
  { requiredKeys: [] }
)

/**
 * Events whose objects inherit values from a prototype: matching reads own properties only,
 * so an inherited value must count as missing.
 */
export const inheritingEvent = fc
  .tuple(event, fc.dictionary(fc.constantFrom('type', 'event', 'properties', 'a', 'b'), scalar), fc.boolean())
  .map(([sample, inherited, nested]) => {
    const withPrototype = (target: object): object => Object.assign(Object.create(inherited) as object, target)
    const copy = { ...sample } as Record<string, unknown>
    if (nested && typeof copy.properties === 'object' && copy.properties !== null)
      copy.properties = withPrototype(copy.properties)
    return withPrototype(copy)
  })

const plainText = fc.string({ maxLength: 10 }).filter((value) => !value.includes('\\'))
const plainPattern = plainText.filter((value) => value !== '' && !value.includes('*'))
const plainSegment = fc.string({ minLength: 1, maxLength: 6 }).filter((value) => !value.includes('.'))

export const conditionRule: fc.Arbitrary<ConditionRule> = fc.oneof(
  fc.record({ type: fc.constant('event-type'), operator: fc.constantFrom('is', 'is_not'), value: plainText }),
  fc.record({
    type: fc.constant('event'),
    operator: fc.constantFrom('is', 'is_not', 'contains', 'not_contains'),
    value: plainText
  }),
  fc.record({ type: fc.constant('event'), operator: fc.constantFrom('starts_with', 'ends_with'), value: plainPattern }),
  fc
    .tuple(fc.constantFrom('properties', 'traits', 'context'), fc.array(plainSegment, { minLength: 1, maxLength: 3 }))
    .map(([root, parts]) => `${root}.${parts.join('.')}`)
    .chain((property) =>
      fc.oneof(
        fc.record({
          type: fc.constant('event-property'),
          property: fc.constant(property),
          operator: fc.constantFrom('is', 'is_not'),
          value: fc.oneof(plainText, finiteNumber, fc.boolean())
        }),
        fc.record({
          type: fc.constant('event-property'),
          property: fc.constant(property),
          operator: fc.constantFrom('less_than', 'less_than_or_equal', 'greater_than', 'greater_than_or_equal'),
          value: finiteNumber
        }),
        fc.record({
          type: fc.constant('event-property'),
          property: fc.constant(property),
          operator: fc.constantFrom('contains', 'not_contains'),
          value: plainText
        }),
        fc.record({
          type: fc.constant('event-property'),
          property: fc.constant(property),
          operator: fc.constantFrom('starts_with', 'ends_with'),
          value: plainPattern
        }),
        fc.record({
          type: fc.constant('event-property'),
          property: fc.constant(property),
          operator: fc.constantFrom('exists', 'not_exists')
        })
      )
    )
) as fc.Arbitrary<ConditionRule>

export const conditionGroup: fc.Arbitrary<ConditionGroup> = fc.oneof(
  fc.record({
    operator: fc.constantFrom('ALL' as const, 'ANY' as const),
    conditions: fc.array(conditionRule, { minLength: 2, maxLength: 5 })
  }),
  conditionRule.map((rule): ConditionGroup => ({ operator: 'ALL', conditions: [rule] }))
)
