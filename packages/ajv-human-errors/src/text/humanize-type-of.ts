import { indefiniteArticle } from './indefinite-article'

/** The JSON-ish type of a value with its article: `a string`, `an array`, `null`. */
export function humanizeTypeOf(value: unknown): string {
  if (value === null) return 'null'
  if (value === undefined) return 'undefined'
  if (Array.isArray(value)) return 'an array'
  const type = typeof value
  return `${indefiniteArticle(type)} ${type}`
}
