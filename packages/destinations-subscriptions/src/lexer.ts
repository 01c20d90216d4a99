import { FqlSyntaxError } from './errors/fql-syntax-error'

export type TokenKind = 'identifier' | 'number' | 'string' | 'operator' | '(' | ')' | ',' | '.' | '!' | 'end'

export interface Position {
  offset: number
  line: number
  column: number
}

export interface Token {
  kind: TokenKind
  /** Identifier name (escapes resolved), string contents, operator symbol, or the punctuation itself. */
  text: string
  /** Numeric value of a number token. */
  number?: number
  /** True when an identifier contained a backslash escape: it is then never a keyword. */
  escaped?: boolean
  start: Position
  /** Offset just past the token, to tell adjacent tokens (`!contains`) from separated ones. */
  end: number
}

const isIdentifierStart = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_'
const isDigit = (c: string): boolean => c >= '0' && c <= '9'
const isIdentifierPart = (c: string): boolean => isIdentifierStart(c) || isDigit(c) || c === '-'
const isWhitespace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r'

/** How a token is named in error messages. */
export function describeToken(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'end of input'
    case 'string':
      return `string ${JSON.stringify(token.text)}`
    case 'number':
      return `number ${token.text}`
    case 'identifier':
      return `"${token.text}"`
    default:
      return `"${token.text}"`
  }
}

export function positionText(position: Position): string {
  return `line ${position.line}, column ${position.column}`
}

/** Longest FQL accepted (1 MiB of text); real subscriptions are a few KB at most. */
export const MAX_FQL_LENGTH = 1024 * 1024

/** Splits FQL into tokens in one left-to-right pass (linear time). */
export function tokenize(source: string): Token[] {
  const read = createLexer(source)
  const tokens: Token[] = []
  for (;;) {
    const token = read()
    tokens.push(token)
    if (token.kind === 'end') return tokens
  }
}

/**
 * A reader of one token per call (`end` once the source is used up, then again on every call):
 * the parser takes tokens as it goes, so a bad query stops at its first error and memory is
 * what the parser keeps, not a token list as long as the input.
 */
export function createLexer(source: string): () => Token {
  if (source.length > MAX_FQL_LENGTH) {
    throw new FqlSyntaxError(`FQL is too long: ${source.length} characters, at most ${MAX_FQL_LENGTH} are accepted`, {
      offset: MAX_FQL_LENGTH,
      line: 1,
      column: MAX_FQL_LENGTH + 1
    })
  }
  let offset = 0
  let line = 1
  let lineStart = 0

  const here = (): Position => ({ offset, line, column: offset - lineStart + 1 })
  const fail = (message: string, at: Position): never => {
    throw new FqlSyntaxError(`${message} at ${positionText(at)}`, at)
  }
  const describeChar = (c: string): string => (c === '' ? 'end of input' : JSON.stringify(c))

  return read

  function read(): Token {
    while (offset < source.length) {
      const c = source[offset]
      if (isWhitespace(c)) {
        // A lone \r ends a line too (old Mac line endings); \r\n counts once.
        if (c === '\n' || (c === '\r' && source[offset + 1] !== '\n')) {
          line++
          lineStart = offset + 1
        }
        offset++
        continue
      }
      const start = here()

      if (c === '(' || c === ')' || c === ',' || c === '.') {
        offset++
        return { kind: c, text: c, start, end: offset }
      }
      if (c === '!') {
        if (source[offset + 1] === '=') {
          offset += 2
          return { kind: 'operator', text: '!=', start, end: offset }
        }
        offset++
        return { kind: '!', text: '!', start, end: offset }
      }
      if (c === '=' || c === '<' || c === '>') {
        const two = source[offset + 1] === '=' && c !== '='
        const text = two ? c + '=' : c
        offset += text.length
        const follower = source[offset] ?? ''
        // `==`, `=<`, `=>`, `<>`, `!==` are not FQL; say so instead of reading half of them.
        if (follower === '=' || follower === '<' || follower === '>') {
          fail(`Unknown operator "${text}${follower}"; use =, !=, <, <=, > or >=`, start)
        }
        return { kind: 'operator', text, start, end: offset }
      }
      if (c === '"' || c === "'") {
        return readString(c, start)
      }
      if (
        isDigit(c) ||
        ((c === '-' || c === '+') && (isDigit(source[offset + 1] ?? '') || source[offset + 1] === '.'))
      ) {
        return readNumber(start)
      }
      if (isIdentifierStart(c) || c === '\\') {
        return readIdentifier(start)
      }
      return fail(`Unexpected character ${describeChar(codePointAt(offset))}`, start)
    }
    return { kind: 'end', text: '', start: here(), end: offset }
  }

  function codePointAt(at: number): string {
    const code = source.codePointAt(at)
    return code === undefined ? '' : String.fromCodePoint(code)
  }

  // Strings keep backslashes as written (compatibility: "a\\b" is the four characters a\\b),
  // except that \<quote> puts the quote into the string and \\ is read as a pair, so "a\\" ends.
  function readString(quote: string, start: Position): Token {
    offset++
    let value = ''
    let chunkStart = offset
    while (offset < source.length) {
      const c = source[offset]
      if (c === quote) {
        value += source.slice(chunkStart, offset)
        offset++
        return { kind: 'string', text: value, start, end: offset }
      }
      if (c === '\\') {
        const next = source[offset + 1]
        if (next === quote) {
          value += source.slice(chunkStart, offset) + quote
          offset += 2
          chunkStart = offset
          continue
        }
        if (next === '\\') {
          offset += 2
          continue
        }
      }
      if (c === '\n' || (c === '\r' && source[offset + 1] !== '\n')) {
        line++
        lineStart = offset + 1
      }
      offset++
    }
    return fail(`Unterminated string: missing closing ${quote} for the string that starts`, start)
  }

  // [+-]? digits (. digits)?, or [+-] . digits. No exponents, hex or trailing dots: `1e5` and
  // `5.` are errors rather than a number followed by ignored text.
  function readNumber(start: Position): Token {
    const begin = offset
    if (source[offset] === '-' || source[offset] === '+') offset++
    while (isDigit(source[offset] ?? '')) offset++
    if (source[offset] === '.') {
      offset++
      if (!isDigit(source[offset] ?? '')) {
        fail(`Expected a digit after the decimal point of "${source.slice(begin, offset)}"`, start)
      }
      while (isDigit(source[offset] ?? '')) offset++
    }
    const next = source[offset] ?? ''
    if (isIdentifierPart(next) || next === '.' || next === '\\') {
      let stop = offset
      while (stop < source.length && (isIdentifierPart(source[stop]) || source[stop] === '.')) stop++
      fail(`Invalid number "${source.slice(begin, stop)}": numbers are written like 42, -7 or 3.25`, start)
    }
    const text = source.slice(begin, offset)
    return { kind: 'number', text, number: Number(text) + 0, start, end: offset } // + 0 turns -0 into 0
  }

  // Letters, digits, _ and - (not first), and any character after a backslash.
  function readIdentifier(start: Position): Token {
    let name = ''
    let escaped = false
    let first = true
    while (offset < source.length) {
      const c = source[offset]
      if (c === '\\') {
        const code = source.codePointAt(offset + 1)
        if (code === undefined) fail('Expected a character after the backslash', here())
        const char = String.fromCodePoint(code as number)
        if (char === '\n' || (char === '\r' && source[offset + 2] !== '\n')) {
          line++
          lineStart = offset + 2
        }
        name += char
        offset += 1 + char.length
        escaped = true
      } else if (first ? isIdentifierStart(c) : isIdentifierPart(c)) {
        name += c
        offset++
      } else {
        break
      }
      first = false
    }
    return { kind: 'identifier', text: name, escaped, start, end: offset }
  }
}
