// The one rule for what counts as a secret, and the one placeholder that replaces it, for every
// place that shows data back to a person: serve's exchanges, the attempts log, the console, admin
// answers and logs.

/** What a secret reads as wherever it is hidden (also what the admin API answers for a secret setting). */
export const REDACTED = '********'

/** Secret values shorter than this are not searched for in texts: masking every "ab" would garble them. */
export const MIN_SECRET_LENGTH = 4

// Matched against the name in kebab case: `apiKey` -> `api-key`, `X_Auth` -> `x-auth`. "key" alone,
// "author" or "monkey" are ordinary names; "x-key", "private", "sig" are not.
const SECRET_NAME =
  /authorization|cookie|token|secret|passw|pwd|credential|signature|signing|session|private|(^|-)auth($|-)|api-?key|.-key$|(^|-)sig$/

function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[_\s.]+/g, '-')
    .toLowerCase()
}

/** True when a header, parameter, field or setting name looks like it carries a credential. */
export function isSecretName(name: string): boolean {
  // Names are short; a long one is cut so the test stays cheap on hostile input.
  return SECRET_NAME.test(kebab(name.length > 200 ? name.slice(0, 200) : name))
}
