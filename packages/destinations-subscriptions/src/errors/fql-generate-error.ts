/** An AST that cannot be written as FQL which would read back to the same tree. */
export class FqlGenerateError extends Error {
  /** Where in the AST the problem is, e.g. `children[1].value`. */
  readonly path: string

  constructor(message: string, path = '') {
    super(message)
    this.name = 'FqlGenerateError'
    this.path = path
  }
}
