// Masks secrets in anything echoed back to a person (exchanges, attempts, error messages). Plain
// data in, plain data out (no HTTP framework types), so `serve` and the engine share it:
// - a header, query parameter or body field (also inside JSON kept as text) whose name looks like
//   a secret reads REDACTED;
// - the user info of a URL reads REDACTED whole (`https://********@host`): the user name is often
//   the key itself (`https://sk_live_…:@api…`);
// - every occurrence of a known secret value (password-type settings, tokens) reads REDACTED.
import { isSecretName, MIN_SECRET_LENGTH, REDACTED } from './secret-name'

// scheme://userinfo@ — the user info ends at the first "/", "?", "#", "@" or whitespace. Both parts
// are bounded so a long run like "a.a.a.a…" costs linear time, not quadratic.
const URL_USER_INFO = /\b([a-z][a-z0-9+.-]{0,31}:\/\/)([^/?#@\s"']{1,512})@/gi

// "name": "value" pairs in JSON text (a body kept as a string, an echo of the request).
const JSON_PAIR = /"([^"\\]{1,200})"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g

// name=value pairs as in a query string or a form body.
const QUERY_PAIR = /([?&;]|^)([^=&?#;\s"']+)=([^&#;\s"']*)/g

// Deeper than any real body; a copy stops there rather than recurse without bound.
const MAX_DEPTH = 64

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty, not assignment: a "__proto__" key stays data and never becomes the prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

export class Redactor {
  private readonly values: RegExp | undefined

  /** `secretValues`: strings (and numbers) to mask wherever they appear; short ones are ignored. */
  constructor(secretValues: Iterable<unknown> = []) {
    const texts = [...new Set([...secretValues].map((value) => (typeof value === 'number' ? String(value) : value)))]
      .filter((value): value is string => typeof value === 'string' && value.length >= MIN_SECRET_LENGTH)
      // Longest first, so a secret containing another is masked whole.
      .sort((a, b) => b.length - a.length)
    this.values = texts.length > 0 ? new RegExp(texts.map(escapeRegExp).join('|'), 'g') : undefined
  }

  /** A string with URL user info, secret query parameters, secret JSON fields and known secret values masked. */
  text(text: string): string {
    let out = text.includes('@')
      ? text.replace(URL_USER_INFO, (_match, scheme: string) => `${scheme}${REDACTED}@`)
      : text
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
    if (depth > MAX_DEPTH) return REDACTED
    if (Array.isArray(value)) return value.map((item: unknown) => this.value(item, depth + 1))
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      const masked = isSecretName(key) && item !== null && typeof item !== 'object' && typeof item !== 'boolean'
      define(out, key, masked ? REDACTED : this.value(item, depth + 1))
    }
    return out
  }

  /** Headers (a Headers object, a record or entries) as a plain object, secret ones masked. */
  headers(headers: unknown): Record<string, string> {
    const out: Record<string, string> = {}
    const put = (name: string, value: unknown): void =>
      define(out, name, isSecretName(name) ? REDACTED : this.text(String(value)))
    if (!headers || typeof headers !== 'object') return out
    const withForEach = headers as { forEach?: unknown }
    if (typeof withForEach.forEach === 'function' && !Array.isArray(headers)) {
      ;(headers as { forEach: (fn: (value: string, name: string) => void) => void }).forEach((value, name) =>
        put(name, value)
      )
      return out
    }
    const entries = Symbol.iterator in headers ? [...(headers as Iterable<unknown>)] : Object.entries(headers)
    for (const entry of entries) {
      if (Array.isArray(entry) && entry.length >= 2) put(String(entry[0]), entry[1])
    }
    return out
  }
}
