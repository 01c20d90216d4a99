/** `1 character`, `2 characters`, `0 characters`. */
export function pluralize(word: string, count: number): string {
  return count === 1 ? word : `${word}s`
}
