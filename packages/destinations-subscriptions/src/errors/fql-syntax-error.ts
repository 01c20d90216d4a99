/** A query that cannot be read as FQL. `line` and `column` are 1-based and point at the offending token. */
export class FqlSyntaxError extends Error {
  readonly line: number
  readonly column: number
  readonly offset: number

  constructor(message: string, position: { line: number; column: number; offset: number }) {
    super(message)
    this.name = 'FqlSyntaxError'
    this.line = position.line
    this.column = position.column
    this.offset = position.offset
  }
}
