import { clearMappingCache, transform } from '../../src/mapping-kit'

// transform keeps the last mapping it compiled for a quick identity check; mappings used in
// turn must still each give their own result.
describe('the compiled-mapping caches', () => {
  const event = { userId: 'u1', anonymousId: 'a1', properties: { total: 3 } }
  const byUser = { id: { '@path': '$.userId' } }
  const byAnonymous = { id: { '@path': '$.anonymousId' } }

  it('gives each mapping its own result when mappings alternate', () => {
    for (let round = 0; round < 3; round++) {
      expect(transform(byUser, event)).toEqual({ id: 'u1' })
      expect(transform(byAnonymous, event)).toEqual({ id: 'a1' })
    }
  })

  it('compiles a mapping with the same content but another identity to the same result', () => {
    expect(transform(byUser, event)).toEqual({ id: 'u1' })
    expect(transform({ id: { '@path': '$.userId' } }, event)).toEqual({ id: 'u1' })
    expect(transform({ id: { '@path': '$.properties.total' } }, event)).toEqual({ id: 3 })
  })

  it('still resolves the last mapping after the cache is cleared', () => {
    expect(transform(byAnonymous, event)).toEqual({ id: 'a1' })
    clearMappingCache()
    expect(transform(byAnonymous, { anonymousId: 'a2' })).toEqual({ id: 'a2' })
    expect(transform(byUser, { userId: 'u2' })).toEqual({ id: 'u2' })
  })
})
