/** `an` before a vowel, `a` otherwise: good enough for type and label words. */
export function indefiniteArticle(word: string): 'a' | 'an' {
  return /^[aeiou]/i.test(word) ? 'an' : 'a'
}
