// Accepts what people write as dates: ISO strings, "March 4, 2024", unix seconds or millis,
// and numbers. Digits-and-separators strings are read field by field (so "2024-13-45" rolls over,
// as JavaScript dates do); anything else goes through the engine's Date parser.
const PARTS = /^(\d{4})[-/]?(\d{1,2})?[-/]?(\d{0,2})[Tt\s]*(\d{1,2})?:?(\d{1,2})?:?(\d{1,2})?[.:]?(\d+)?$/

// The form events carry (ISO 8601 with a zone), with every field in a range no calendar can refuse
// (days up to 28): such strings are dates without asking the engine's parser, the slow part.
const CERTAIN_ISO =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/

function validTime(ms: number): boolean {
  return !Number.isNaN(ms)
}

export function isDateLike(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && validTime(new Date(value).getTime())
  if (typeof value !== 'string') return false
  if (CERTAIN_ISO.test(value)) return true
  if (!/z$/i.test(value)) {
    const match = PARTS.exec(value)
    if (match) {
      const month = match[2] ? Number(match[2]) - 1 : 0
      const ms = Number((match[7] || '0').substring(0, 3))
      const date = new Date(
        Number(match[1]),
        month,
        match[3] ? Number(match[3]) : 1,
        Number(match[4] || 0),
        Number(match[5] || 0),
        Number(match[6] || 0),
        ms
      )
      return validTime(date.getTime())
    }
  }
  return validTime(new Date(value).getTime())
}
