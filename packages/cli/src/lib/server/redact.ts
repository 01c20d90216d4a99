/**
 * Redaction rules for anything echoed back to a person: exchanges, error messages, logs.
 * Plain data in, plain data out (no HTTP framework types), so other runtimes can share it.
 *
 * - a header, query parameter or body field (also inside JSON kept as text) whose name looks like a
 *   secret reads `***`;
 * - the password of a URL's user info reads `***` (`https://user:***@host`), a lone user info too;
 * - every occurrence of a known secret value (the destination's password-type settings) reads `***`.
 */

export const REDACTED = '***'

// Secret values shorter than this are not searched for: masking every "a" would garble the text.
const MIN_SECRET_LENGTH = 4

// Matched against the name in kebab case: `apiKey` -> `api-key`, `X_Auth` -> `x-auth`.
const SECRET_NAME =
  /authorization|cookie|token|secret|passw|pwd|credential|signature|session|(^|-)auth($|-)|api-?key|.-key$/

// scheme://userinfo@ — the user info ends at the first "/", "?", "#", "@" or whitespace. Both parts
// are bounded so a long run like "a.a.a.a…" costs linear time, not quadratic.
const URL_USER_INFO = /\b([a-z][a-z0-9+.-]{0,31}:\/\/)([^/?#@\s"']{1,512})@/gi

// "name": "value" pairs in JSON text (a body kept as a string, an echo of the request).
const JSON_PAIR = /"([^"\\]{1,200})"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g

// name=value pairs as in a query string or a form body.
const QUERY_PAIR = /([?&;]|^)([^=&?#;\s"']+)=([^&#;\s"']*)/g

function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[_\s.]+/g, '-')
    .toLowerCase()
}

/** True when a header, parameter or field name looks like it carries a credential. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(kebab(name))
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Masks secrets in text, JSON-like values, URLs and headers by the rules above. */
export class Redactor {
  private readonly values: RegExp | undefined

  constructor(secretValues: Iterable<unknown> = []) {
    const texts = [...new Set([...secretValues].filter((value): value is string => typeof value === 'string'))]
      .filter((value) => value.length >= MIN_SECRET_LENGTH)
      // Longest first, so a secret containing another is masked whole.
      .sort((a, b) => b.length - a.length)
    this.values = texts.length > 0 ? new RegExp(texts.map(escapeRegExp).join('|'), 'g') : undefined
  }

  /** A string with URL user info, secret query parameters and known secret values masked. */
  text(text: string): string {
    let out = text.replace(URL_USER_INFO, (_match, scheme: string, info: string) => {
      const colon = info.indexOf(':')
      return `${scheme}${colon >= 0 ? `${info.slice(0, colon)}:${REDACTED}` : REDACTED}@`
    })
    if (out.includes('=')) {
      out = out.replace(QUERY_PAIR, (match, lead: string, name: string) =>
        isSecretName(safeDecode(name)) ? `${lead}${name}=${REDACTED}` : match
      )
    }
    if (out.includes('":')) {
      out = out.replace(JSON_PAIR, (match, name: string, colon: string) =>
        isSecretName(name) ? `"${name}"${colon}"${REDACTED}"` : match
      )
    }
    return this.values ? out.replace(this.values, REDACTED) : out
  }

  /** A copy of a JSON-like value: secret-named fields masked, every string passed through `text`. */
  value(value: unknown, depth = 0): unknown {
    if (typeof value === 'string') return this.text(value)
    if (value === null || typeof value !== 'object') return value
    // Deeper than any real body; stop rather than recurse without bound.
    if (depth > 64) return REDACTED
    if (Array.isArray(value)) return value.map((item: unknown) => this.value(item, depth + 1))
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      const masked = isSecretName(key) && item !== null && typeof item !== 'object' && typeof item !== 'boolean'
      Object.defineProperty(out, key, {
        value: masked ? REDACTED : this.value(item, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true
      })
    }
    return out
  }

  /** Headers (a Headers object, a record or entries) as a plain object, secret ones masked. */
  headers(headers: unknown): Record<string, string> {
    const out: Record<string, string> = {}
    const put = (name: string, value: unknown): void => {
      Object.defineProperty(out, name, {
        value: isSecretName(name) ? REDACTED : this.text(String(value)),
        enumerable: true,
        writable: true,
        configurable: true
      })
    }
    if (!headers || typeof headers !== 'object') return out
    const withForEach = headers as { forEach?: unknown }
    if (typeof withForEach.forEach === 'function' && !Array.isArray(headers)) {
      ;(headers as { forEach: (fn: (value: string, name: string) => void) => void }).forEach((value, name) =>
        put(name, value)
      )
      return out
    }
    const entries = Array.isArray(headers) ? (headers as unknown[]) : Object.entries(headers)
    for (const entry of entries) {
      if (Array.isArray(entry) && entry.length >= 2) put(String(entry[0]), entry[1])
    }
    return out
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** Field type of the settings that count as secrets (besides secret-looking names). */
interface SettingField {
  type?: unknown
}

/**
 * The values to mask for one request: each setting declared `type: 'password'` or whose key
 * looks like a secret, wherever it appears.
 */
export function secretSettingValues(
  settings: Record<string, unknown> | undefined,
  fields: Record<string, SettingField> | undefined
): string[] {
  if (!settings) return []
  const values: string[] = []
  for (const [key, value] of Object.entries(settings)) {
    if (typeof value !== 'string') continue
    const field = fields && Object.prototype.hasOwnProperty.call(fields, key) ? fields[key] : undefined
    if (field?.type === 'password' || isSecretName(key)) values.push(value)
  }
  return values
}
