/** What a compiled mapping node does with the event (or item) it is given. */
export type Resolver = (data: unknown) => unknown

export interface Compiled {
  resolve: Resolver
  /**
   * True when every value `resolve` returns is already a clean copy: no `undefined` object
   * keys and nothing shared with the input data. Values that are not fresh (for instance what
   * `@path` reads from the event) are deep-copied where they enter the payload.
   */
  fresh: boolean
  /**
   * Writes the node as statements inside a generated function (see code-generation.ts), so
   * directives run inline instead of as closure calls. Absent: the node is called as `resolve`.
   */
  emit?: Emit
}

/** Statements that leave the node's value for the data in variable `data` in variable `target`. */
export type Emit = (target: string, data: string, scope: CodeScope) => string

/** What an `emit` may ask of the function being generated. */
export interface CodeScope {
  /** A new local variable. */
  variable(): string
  /** An expression naming `value` (a function or a constant) inside the generated code. */
  use(value: unknown): string
  /** Statements for a child node: inline when it can be emitted, else a call of its `resolve`. */
  child(node: Compiled, target: string, data: string): string
  /** Statements reading the path `keys` of `data` into `target` (prefixes read once per call). */
  readPath(keys: readonly string[], target: string, data: string): string
  /** Code that runs only sometimes (a branch): it may use what ran before, but shares nothing. */
  branch(write: () => string): string
}

export interface CompileOptions {
  /** Keep object keys whose value is `undefined` (`@merge` lets them override earlier keys). */
  keepUndefinedKeys?: boolean
}

export interface CompileContext {
  compile(value: unknown, options?: CompileOptions): Compiled
}

export interface FieldRule {
  name: string
  required?: boolean
  check?: (value: unknown, stack: string[]) => void
}

/** Validation building blocks shared by the directives; each throws a ValidationError or an aggregate. */
export interface ValidateContext {
  /** Any mapping value: directives and plain objects are checked, other values are accepted. */
  mapping(value: unknown, stack: string[]): void
  directive(value: unknown, stack: string[]): void
  object(value: unknown, stack: string[]): void
  objectWithFields(value: unknown, stack: string[], fields: FieldRule[]): void
  array(value: unknown, stack: string[]): void
  string(value: unknown, stack: string[], limits?: { minLength?: number; maxLength?: number }): void
  boolean(value: unknown, stack: string[]): void
  oneOf(value: unknown, stack: string[], choices: string[]): void
  directiveOrString(value: unknown, stack: string[]): void
  directiveOrRaw(value: unknown, stack: string[]): void
  objectOrDirective(value: unknown, stack: string[]): void
}

/** One mapping-kit directive: how its argument is validated and how it compiles. */
export interface DirectiveDefinition {
  keyword: string
  validate(value: unknown, stack: string[], ctx: ValidateContext): void
  compile(value: unknown, ctx: CompileContext): Compiled
}

/** Own-property read on a mapping argument (mappings may come from JSON with any keys). */
export function argument(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object') return undefined
  return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined
}

export function constant(value: unknown): Compiled {
  return {
    resolve: () => value,
    fresh: value === null || typeof value !== 'object',
    emit: (target, _data, scope) => `${target} = ${scope.use(value)};`
  }
}

/** A node that throws when it runs: the reference reports these problems only when resolving. */
export function failing(message: string): Compiled {
  return {
    resolve: () => {
      throw new Error(message)
    },
    fresh: true
  }
}
