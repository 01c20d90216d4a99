import { clearFqlCache, parseFql, validate } from '../src'
import type { GroupCondition, Subscription } from '../src'
import { parse } from '../src/parser'

// parseFql keeps one parse per query text and hands out a copy each call; validate recognises a
// copy it handed out and uses a compiled predicate, unless the copy has changed since.
const query = 'type = "track" and (properties.revenue > 10 or properties.currency = "USD")'
const event = { type: 'track', properties: { revenue: 42, currency: 'EUR' } }

function fresh(text: string): string {
  return ` ${text} `.slice(1, -1)
}

function group(ast: Subscription): GroupCondition {
  if ('error' in ast) throw ast.error
  return ast as GroupCondition
}

describe('parseFql cache', () => {
  beforeEach(() => clearFqlCache())

  test('every call returns a new tree of the same shape, key order included', () => {
    const first = parseFql(fresh(query))
    const second = parseFql(fresh(query))
    expect(second).not.toBe(first)
    expect(group(second).children).not.toBe(group(first).children)
    expect(second).toStrictEqual(first)
    expect(JSON.stringify(second)).toBe(JSON.stringify(first))
  })

  test('a caller changing one copy does not change the next', () => {
    const first = group(parseFql(query))
    first.children.push({ type: 'event', operator: '=', value: 'x' })
    ;(first.children[0] as { value?: string }).value = 'identify'
    const second = group(parseFql(fresh(query)))
    expect(second.children).toHaveLength(2)
    expect(second.children[0]).toEqual({ type: 'event-type', operator: '=', value: 'track' })
  })

  test('validate answers for the tree as it is now, after the caller changed it', () => {
    for (let round = 0; round < 20; round++) expect(validate(parseFql(fresh(query)), event)).toBe(true)
    const changed = group(parseFql(fresh(query)))
    ;(changed.children[0] as { value?: string }).value = 'identify'
    expect(validate(changed, event)).toBe(false)
    const extended = group(parseFql(fresh(query)))
    extended.children.push({ type: 'event', operator: '=', value: 'nope' })
    expect(validate(extended, event)).toBe(false)
    const withError = parseFql(fresh(query)) as Record<string, unknown>
    withError.error = new Error('set by the caller')
    expect(validate(withError as Subscription, event)).toBe(false)
    const inner = group(parseFql(fresh(query)))
    ;(group(inner.children[1] as Subscription).children[0] as { value?: number }).value = 100
    expect(validate(inner, event)).toBe(false)
    expect(validate(parseFql(fresh(query)), event)).toBe(true)
  })

  test('an unchanged copy kept for later still matches like the walk', () => {
    const kept = parseFql(fresh(query))
    // More parses than the recent copies validate remembers: `kept` is then walked.
    for (let i = 0; i < 40; i++) parseFql(fresh(`event = "e${i}"`))
    expect(validate(kept, event)).toBe(true)
    expect(validate(kept, { ...event, type: 'page' })).toBe(false)
  })

  test('parse errors are new every call and not cached', () => {
    const first = parseFql(fresh('event ='))
    const second = parseFql(fresh('event ='))
    expect('error' in first && 'error' in second).toBe(true)
    expect((first as { error: Error }).error).not.toBe((second as { error: Error }).error)
    expect(validate(first, event)).toBe(false)
  })

  test('values the parser writes round-trip through the copy (numbers, -0, booleans, null, quotes)', () => {
    for (const text of [
      'properties.a = -0',
      'properties.a = -.5 or properties.b = true',
      'properties.a = null and traits.b != false',
      'event = \'say "hi"\' and context.c\\ d = "\\u2028"'
    ]) {
      const ast = parseFql(fresh(text))
      const again = parseFql(fresh(text))
      expect(again).toStrictEqual(ast)
      expect(Object.is(JSON.stringify(again), JSON.stringify(ast))).toBe(true)
    }
    // The copy keeps the sign the parser gave (compared with an uncached parse).
    const valueOf = (ast: Subscription) => (group(ast).children[0] as { value?: number }).value
    expect(Object.is(valueOf(parseFql(fresh('properties.a = -0'))), valueOf(parse('properties.a = -0')))).toBe(true)
  })
})
