/** `typeof`, with `null` and `array` told apart from `object`. */
export function realTypeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

/** "a string", "an array", ... as the reference phrases it. */
export function withArticle(type: string): string {
  return (/^[aeiou]/.test(type) ? 'an ' : 'a ') + type
}
