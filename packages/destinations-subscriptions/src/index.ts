// Same exports as @segment/destination-subscriptions 3.37.0, plus the compiler and condition groups.
export * from './types'
export { default as validate } from './validate'
export { default as generateFql } from './generate-fql'
export { default as parseFql } from './parse-fql'
export { get } from './get'
export { compileFql, clearFqlCache } from './compile-fql'
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
