import Ajv, { type Options as AjvOptions } from 'ajv'
import addFormats from 'ajv-formats'

/** The four Ajv configurations the conformance cases were recorded with. */
export type AjvSetup = 'default' | 'lenient' | 'no-formats' | 'actions-core'

export function makeAjv(setup: AjvSetup): Ajv {
  const base: AjvOptions = { allErrors: true, verbose: true, logger: false }
  const options: AjvOptions =
    setup === 'lenient'
      ? { ...base, strict: false }
      : setup === 'actions-core'
        ? { coerceTypes: 'array', allErrors: true, allowUnionTypes: true, verbose: true, removeAdditional: true }
        : base
  const ajv = new Ajv(options)
  if (setup !== 'no-formats') addFormats(ajv)
  return ajv
}
