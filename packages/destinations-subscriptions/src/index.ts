// Same exports as @segment/destination-subscriptions 3.37.0, plus the compiler and condition groups.
export * from './types'
export { default as validate } from './validate'
export { default as generateFql } from './generate-fql'
export { default as parseFql } from './parse-fql'
export { get } from './get'
import { compileFql as compileFqlFunction } from './compile-fql'
export { clearFqlCache } from './compile-fql'
/**
 * Compiles FQL (or an AST) once into a predicate over events; compiled FQL strings are cached.
 * A plain exported value, not a re-export: CommonJS re-exports are getters, and a getter call
 * on every `compileFql(query)(event)` costs as much as the cached lookup itself.
 */
export const compileFql = compileFqlFunction
export type { EventPredicate } from './compile-fql'
export { conditionsToFql, fqlToConditions } from './conditions'
export type {
  ConditionGroup,
  ConditionGroupOperator,
  ConditionRule,
  EventTypeRule,
  EventNameRule,
  EventPropertyRule,
  EventTypeOperator,
  EventNameOperator,
  EventPropertyOperator
} from './conditions'
export { FqlSyntaxError } from './errors/fql-syntax-error'
export { FqlGenerateError } from './errors/fql-generate-error'
export { ConditionsError } from './errors/conditions-error'
export { MAX_NESTING_DEPTH } from './parser'
export { MAX_FQL_LENGTH } from './lexer'
