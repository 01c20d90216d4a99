import { hostPolicy } from '../../src/http/host-origin'
import { writeKeyFromHeaders } from '../../src/ingest/write-key'

describe('hostPolicy', () => {
  it('accepts only loopback names when bound to loopback', () => {
    expect([...(hostPolicy('127.0.0.1').names ?? [])].sort()).toEqual(['127.0.0.1', '::1', '[::1]', 'localhost'])
  })

  it('accepts the given names plus the bound address, lower-cased', () => {
    expect([...(hostPolicy('10.0.0.5', ['Engine.Example.com']).names ?? [])].sort()).toEqual([
      '10.0.0.5',
      'engine.example.com'
    ])
  })

  it('accepts any name when bound beyond loopback without names', () => {
    expect(hostPolicy('0.0.0.0').names).toBeUndefined()
  })
})

describe('writeKeyFromHeaders', () => {
  const basic = (text: string) => ({ authorization: 'Basic ' + Buffer.from(text).toString('base64') })

  it('reads the Basic user name', () => {
    expect(writeKeyFromHeaders(basic('key-1:'))).toBe('key-1')
    expect(writeKeyFromHeaders(basic('key-2:ignored'))).toBe('key-2')
    expect(writeKeyFromHeaders(basic('key-3'))).toBe('key-3')
  })

  it('gives undefined for no header, another scheme or an empty user', () => {
    expect(writeKeyFromHeaders({})).toBeUndefined()
    expect(writeKeyFromHeaders({ authorization: 'Bearer key' })).toBeUndefined()
    expect(writeKeyFromHeaders(basic(':password'))).toBeUndefined()
  })
})
