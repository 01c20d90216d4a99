import fc from 'fast-check'
import { upperCase } from '../../src/mapping-kit/directives/case'
import { transform } from '../../src/mapping-kit'

describe('@case upper', () => {
  it('gives what toUpperCase gives, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (text) => {
        expect(upperCase(text)).toBe(text.toUpperCase())
      }),
      { numRuns: 2000 }
    )
    for (const text of [
      '',
      'USD',
      'usd',
      'Straße',
      'ǆ',
      'ﬁ',
      'İ',
      'ß'.repeat(40),
      'A'.repeat(33),
      'A'.repeat(31) + 'a'
    ])
      expect(upperCase(text)).toBe(text.toUpperCase())
  })

  it('upper-cases through a compiled mapping, on already upper-case codes too', () => {
    const mapping = { v: { '@case': { operator: 'upper', value: { '@path': '$.code' } } } }
    expect(transform(mapping, { code: 'SALE20' })).toEqual({ v: 'SALE20' })
    expect(transform(mapping, { code: 'sale20' })).toEqual({ v: 'SALE20' })
    expect(transform(mapping, { code: 'straße' })).toEqual({ v: 'STRASSE' })
    expect(transform(mapping, { code: 7 })).toEqual({ v: 7 })
  })
})
