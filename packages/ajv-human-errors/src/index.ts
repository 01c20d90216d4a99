export { AggregateAjvError } from './aggregate-ajv-error'
// Not exported by the reference's index; exported here so callers can type the entries of `errors`.
export { AjvError } from './ajv-error'
export type { FieldLabels, Options, HumanError } from './entities'
