/**
 * A regular expression that matches exactly `text` and nothing else. Testing a string against
 * it compares characters in compiled code for every string representation, where `===` on a
 * sliced or concatenated string (what `slice` and `+` make) first calls into the engine's
 * runtime. Every character other than a letter or digit is written as a \uXXXX escape, so the
 * text is never read as regular-expression syntax.
 */
export function exactTextPattern(text: string): RegExp {
  let source = '^'
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const isLetterOrDigit = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
    source += isLetterOrDigit ? text[i] : `\\u${code.toString(16).padStart(4, '0')}`
  }
  return new RegExp(source + '$')
}
