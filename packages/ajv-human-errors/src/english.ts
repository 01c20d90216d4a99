/** Small helpers for building English sentences. */

export const capitalize = (s: string | null): string | null => {
  if (s === null || s === '') return s
  return s.charAt(0).toUpperCase() + s.slice(1)
}

export const pluralize = (s: string, num: number): string => (num === 1 ? s : `${s}s`)

export const indefiniteArticle = (s: string): 'an' | 'a' => (/^[aeiou]/i.test(s) ? 'an' : 'a')

/** `a`, `a or b`, `a, b, or c` (serial comma). */
export const humanizeList = (arr: string[], conjunction = 'and'): string => {
  if (arr.length <= 1) return arr.join('')
  if (arr.length === 2) return `${arr[0]} ${conjunction} ${arr[1]}`
  return `${arr.slice(0, -1).join(', ')}, ${conjunction} ${arr[arr.length - 1]}`
}

/** Names the kind of a value the way a person would: `null`, `an array`, `a number`. */
export const humanizeTypeOf = (value: unknown): string => {
  if (value === null) return 'null'
  if (value === undefined) return 'undefined'
  if (Array.isArray(value)) return 'an array'
  const kind = typeof value
  return `${indefiniteArticle(kind)} ${kind}`
}
