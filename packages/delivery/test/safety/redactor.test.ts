// The one rule set (src/safety) that serve, the attempts log, the console and admin answers share.
import { isSecretName, maskSettings, REDACTED, Redactor, secretSettingValues, unmaskSettings } from '../../src/safety'

describe('redaction rules', () => {
  it('recognises secret-looking names in any case style, and leaves ordinary names alone', () => {
    for (const name of ['Authorization', 'X-Auth', 'x_auth_token', 'apiKey', 'api_key', 'X-API-Key', 'writeKey']) {
      expect([name, isSecretName(name)]).toEqual([name, true])
    }
    for (const name of ['sharedSecret', 'clientSecret', 'password', 'set-cookie', 'accessToken', 'X-Signature']) {
      expect([name, isSecretName(name)]).toEqual([name, true])
    }
    for (const name of ['content-type', 'url', 'event', 'author', 'key', 'keyboard', 'monkey', 'userId']) {
      expect([name, isSecretName(name)]).toEqual([name, false])
    }
  })

  it('masks URL user info whole (the user name may be the key) and secret query parameters, keeping the rest of the URL', () => {
    const redactor = new Redactor()
    expect(redactor.text('https://ada:s3cret@api.example.com/v1?api_key=abc&page=2&token=xyz#top')).toBe(
      `https://${REDACTED}@api.example.com/v1?api_key=${REDACTED}&page=2&token=${REDACTED}#top`
    )
    expect(redactor.text('https://TOKEN123@hooks.example.com/x')).toBe(`https://${REDACTED}@hooks.example.com/x`)
    expect(redactor.text('failed to reach http://u:p@10.0.0.1:8080/ (ECONNREFUSED)')).toBe(
      `failed to reach http://${REDACTED}@10.0.0.1:8080/ (ECONNREFUSED)`
    )
    expect(redactor.text('https://example.com/?q=1&sort=asc')).toBe('https://example.com/?q=1&sort=asc')
    expect(redactor.text('{"apiKey": "k\\"1", "name":"n"}')).toBe(`{"apiKey": "${REDACTED}", "name":"n"}`)
  })

  it('masks known secret values wherever they appear, longest first, and ignores very short ones', () => {
    const redactor = new Redactor(['hunter2-long', 'hunter2-long-longer', 'ab', 42])
    expect(redactor.text('sig of hunter2-long-longer and hunter2-long; ab stays')).toBe(
      `sig of ${REDACTED} and ${REDACTED}; ab stays`
    )
  })

  it('stays linear on long adversarial text (runs that look like a URL scheme, a name or a JSON key)', () => {
    const redactor = new Redactor(['needle-secret'])
    const long = 'a.'.repeat(500_000) + '://u:p@h ' + '"k":"'.repeat(100_000) + 'x=1&'.repeat(100_000)
    const out = redactor.text(long + 'needle-secret')
    expect(out.endsWith(REDACTED)).toBe(true)
    expect(out).toContain(`://${REDACTED}@h `)
  })

  it('copies JSON-like values with secret fields masked at any depth, without touching the input', () => {
    const input = {
      apiKey: 'k-1',
      nested: { list: [{ password: 'p', note: 'url https://a:b@h/' }], count: 3 },
      enabled: true,
      token: null
    }
    const before = JSON.stringify(input)
    const out = new Redactor().value(input) as Record<string, unknown>
    expect(out).toEqual({
      apiKey: REDACTED,
      nested: { list: [{ password: REDACTED, note: `url https://${REDACTED}@h/` }], count: 3 },
      enabled: true,
      token: null
    })
    expect(JSON.stringify(input)).toBe(before)
  })

  it('keeps a "__proto__" key as data, never as the copy\'s prototype', () => {
    const input = JSON.parse('{"__proto__": {"polluted": "yes"}, "a": 1}') as Record<string, unknown>
    const out = new Redactor().value(input) as Record<string, unknown>
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype)
    expect(Object.prototype.hasOwnProperty.call(out, '__proto__')).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('masks header values by name, and secret values inside the others', () => {
    const headers = new Headers({ 'X-Auth': 'abc', 'content-type': 'application/json', 'x-echo': 'value-sekrit-1' })
    expect(new Redactor(['sekrit-1']).headers(headers)).toEqual({
      'x-auth': REDACTED,
      'content-type': 'application/json',
      'x-echo': `value-${REDACTED}`
    })
    expect(new Redactor().headers([['Cookie', 'a=b']])).toEqual({ Cookie: REDACTED })
  })

  it('takes the secret values from password-type and secret-named settings only', () => {
    const fields = { sharedSecret: { type: 'password' }, region: { type: 'string' }, endpoint: { type: 'password' } }
    expect(
      secretSettingValues({ sharedSecret: 's', region: 'eu', endpoint: 'https://x', apiKey: 'k', n: 1 }, fields)
    ).toEqual(['s', 'https://x', 'k'])
  })
})

describe('secret settings', () => {
  it('adds the names the engine and the console also hid: private, signing, sig', () => {
    for (const name of ['privateKey', 'signingSecret', 'sig', 'x-sig', 'basic_auth']) {
      expect([name, isSecretName(name)]).toEqual([name, true])
    }
    for (const name of ['signal', 'x-api-version', 'oauth', 'clientId']) {
      expect([name, isSecretName(name)]).toEqual([name, false])
    }
  })

  it('takes everything under a secret setting and secret-named fields of nested objects', () => {
    const settings = {
      apiKey: { primary: 'k-primary', backup: 98765 },
      oauth: { access_token: 'tok-abc', clientId: 'public-id' },
      region: 'eu'
    }
    expect(secretSettingValues(settings, undefined)).toEqual(['k-primary', '98765', 'tok-abc'])
  })

  it('masks secret settings for an answer and restores them when sent back masked', () => {
    const stored = { apiKey: 'k-1', region: 'eu', oauth: { access_token: 'tok', clientId: 'c' }, empty: '' }
    const masked = maskSettings(stored, { region: { type: 'password' } })
    expect(masked).toEqual({
      apiKey: REDACTED,
      region: REDACTED,
      oauth: { access_token: REDACTED, clientId: 'c' },
      empty: ''
    })
    const edited = { ...masked, region: 'us' }
    expect(unmaskSettings(edited, stored)).toEqual({ ...stored, region: 'us' })
    expect(stored.apiKey).toBe('k-1')
  })
})
