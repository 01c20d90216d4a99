import vm from 'node:vm'
import fc from 'fast-check'
import { CopyPlace } from '../../src/mapping-kit/shape-copier'
import { cleanCopy } from '../../src/remove-undefined'

/** Every object and array reachable from `value`. */
function containers(value: unknown, found = new Set<object>()): Set<object> {
  if (value !== null && typeof value === 'object' && !found.has(value)) {
    found.add(value)
    for (const item of Object.values(value)) containers(item, found)
  }
  return found
}

/** The copy must equal cleanCopy's, in key order too, and share no object or array with the input. */
function expectSameAsCleanCopy(place: CopyPlace, value: unknown): void {
  const before = JSON.stringify(value)
  const copied = place.copy(value)
  expect(copied).toStrictEqual(cleanCopy(value))
  expect(JSON.stringify(copied)).toBe(JSON.stringify(cleanCopy(value)))
  expect(JSON.stringify(value)).toBe(before)
  const inputs = containers(value)
  for (const output of containers(copied)) expect(inputs.has(output)).toBe(false)
}

// Few keys, so shapes repeat the way they do across the events of one mapping.
const smallKey = fc.constantFrom('a', 'b', 'c', 'id', 'price')
const leaf = fc.oneof(
  fc.integer(),
  fc.string({ maxLength: 3 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined)
)
const { value: jsonish } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.dictionary(smallKey, tie('value'), { maxKeys: 4 }),
    fc.array(tie('value'), { maxLength: 3 })
  )
}))

describe('CopyPlace (shape-specialised deep copy)', () => {
  it('copies like cleanCopy for any sequence of values through one place', () => {
    fc.assert(
      fc.property(fc.array(jsonish, { minLength: 1, maxLength: 40 }), (values) => {
        const place = CopyPlace.create()
        for (const value of values) expectSameAsCleanCopy(place, value)
      }),
      { numRuns: 300 }
    )
  })

  it('copies a repeated event shape, dropping undefined values the second time round', () => {
    const place = CopyPlace.create()
    const event = { revenue: 1, products: [{ id: 'p1', tags: ['x'] }], coupon: 'C' }
    expectSameAsCleanCopy(place, event)
    expectSameAsCleanCopy(place, event)
    expectSameAsCleanCopy(place, { revenue: undefined, products: [{ id: undefined, tags: [] }], coupon: null })
    expect(place.copy({ revenue: undefined, products: [], coupon: 'C' })).toStrictEqual({ products: [], coupon: 'C' })
  })

  it('never copies a key that only Object.prototype has, even after learning that key', () => {
    const place = CopyPlace.create()
    expect(place.copy({ a: 1, b: 2 })).toStrictEqual({ a: 1, b: 2 })
    const prototype = Object.prototype as Record<string, unknown>
    try {
      prototype.b = 'polluted'
      expect(place.copy({ a: 1 })).toStrictEqual({ a: 1 })
      expect(place.copy({ a: 1, b: 2 })).toStrictEqual({ a: 1, b: 2 })
      expect(Object.prototype.hasOwnProperty.call(place.copy({ a: 1 }), 'b')).toBe(false)
    } finally {
      delete prototype.b
    }
    expect(place.copy({ a: 1, b: 2 })).toStrictEqual({ a: 1, b: 2 })
  })

  it('drops __proto__ keys and never changes a prototype', () => {
    const place = CopyPlace.create()
    const parsed = JSON.parse('{"__proto__": {"polluted": true}, "a": {"__proto__": {"x": 1}, "b": 1}}') as unknown
    for (let i = 0; i < 3; i++) {
      const copied = place.copy(parsed) as Record<string, unknown>
      expect(copied).toStrictEqual({ a: { b: 1 } })
      expect(Object.getPrototypeOf(copied)).toBe(Object.prototype)
      expect(Object.getPrototypeOf(copied.a)).toBe(Object.prototype)
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('keeps objects that are not plain as they are, as cleanCopy does', () => {
    const place = CopyPlace.create()
    class Item {
      constructor(readonly id: string) {}
    }
    const date = new Date(0)
    const item = new Item('i')
    for (let i = 0; i < 3; i++) {
      const copied = place.copy({ at: date, item }) as Record<string, unknown>
      expect(copied.at).toBe(date)
      expect(copied.item).toBe(item)
      expect(place.copy(date)).toBe(date)
    }
  })

  it('copies objects with a null prototype, from another realm, with index keys or an own constructor key', () => {
    const place = CopyPlace.create()
    const nullPrototype = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 })
    const otherRealm = vm.runInNewContext('({ a: { b: [1, { c: 2 }] } })') as unknown
    const values = [nullPrototype, otherRealm, { '1': 'one', b: 2 }, { constructor: 'x', a: 1 }, { a: 1 }]
    for (let round = 0; round < 3; round++) for (const value of values) expectSameAsCleanCopy(place, value)
  })

  it('reads each getter once per copy', () => {
    const place = CopyPlace.create()
    let reads = 0
    const value = {
      a: 1,
      get b() {
        reads++
        return reads
      }
    }
    expect(place.copy(value)).toStrictEqual({ a: 1, b: 1 })
    expect(place.copy(value)).toStrictEqual({ a: 1, b: 2 })
    expect(reads).toBe(2)
  })

  it('stays correct when shapes keep changing, past what one place learns', () => {
    const place = CopyPlace.create()
    for (let i = 0; i < 3000; i++) {
      const value = { [`k${i % 50}`]: i, nested: { [`n${i % 7}`]: [i], same: true } }
      expect(place.copy(value)).toStrictEqual(cleanCopy(value))
    }
  })

  it('stays correct past its budget of generated functions, on deep and wide data', () => {
    const place = CopyPlace.create()
    const deep = (level: number): Record<string, unknown> =>
      level === 0
        ? { leaf: level }
        : Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`k${i}`, deep(level - 1)]))
    const value = deep(5)
    for (let i = 0; i < 3; i++) expectSameAsCleanCopy(place, value)
    const wide = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`key${i}`, { i }]))
    for (let i = 0; i < 3; i++) expectSameAsCleanCopy(place, wide)
  })
})
