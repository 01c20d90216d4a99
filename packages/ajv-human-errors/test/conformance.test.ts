import { AggregateAjvError, type Options } from '../src'
import { makeAjv, type AjvSetup } from './ajv-setups'
import { decode, encode, loadCases } from './conformance'

interface AjvCase {
  name: string
  feature: string
  defect?: string
  ajv: AjvSetup
  schema: unknown
  data: unknown
  options: Options
  valid?: boolean
  message?: string
  messages?: string[]
  errors?: unknown[]
  ajvErrorCount?: number
  dataAfterValidation?: unknown
  compileError?: string
  constructorError?: string
}

const ENGINE_ERRORS = ['TypeError', 'ReferenceError', 'RangeError', 'SyntaxError', 'URIError', 'EvalError']

/** Runs one case and records the outcome in the same shape as the fixture. */
function runCase(testCase: AjvCase): Record<string, unknown> {
  const ajv = makeAjv(testCase.ajv)
  const schema = decode(testCase.schema) as object | boolean
  // decode builds fresh objects, so coercion by ajv never touches the loaded fixture.
  const data = decode(testCase.data)
  let validate
  try {
    validate = ajv.compile(schema)
  } catch (error) {
    return { compileError: (error as Error).message }
  }
  const valid = validate(data)
  const outcome: Record<string, unknown> = { valid }
  if (testCase.ajv === 'actions-core') outcome.dataAfterValidation = data
  if (valid) return { ...outcome, messages: [], errors: [] }
  const ajvErrors = validate.errors ?? []
  outcome.ajvErrorCount = ajvErrors.length
  try {
    const aggregate = new AggregateAjvError(ajvErrors, decode(testCase.options) as Options)
    outcome.message = aggregate.message
    outcome.messages = aggregate.errors.map((error) => error.message)
    outcome.errors = aggregate.toJSON()
  } catch (error) {
    if (testCase.defect !== undefined && ENGINE_ERRORS.includes((error as Error).name)) throw error
    outcome.constructorError = (error as Error).message
  }
  return outcome
}

const expectedOutcome = (testCase: AjvCase): Record<string, unknown> => {
  const keys = ['valid', 'message', 'messages', 'errors', 'ajvErrorCount', 'dataAfterValidation', 'compileError']
  const expected: Record<string, unknown> = {}
  for (const key of [...keys, 'constructorError'] as const) {
    const value = (testCase as unknown as Record<string, unknown>)[key]
    if (value !== undefined) expected[key] = value
  }
  return expected
}

const cases = loadCases<AjvCase>('ajv-human-errors.json')

describe('conformance: ajv-human-errors.json', () => {
  it('has the recorded number of cases', () => {
    expect(cases).toHaveLength(79)
  })

  const ordinary = cases.filter((testCase) => testCase.defect === undefined)
  const defects = cases.filter((testCase) => testCase.defect !== undefined)

  it.each(ordinary.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    expect(encode(runCase(testCase))).toEqual(expectedOutcome(testCase))
  })

  if (defects.length > 0) {
    describe('defect cases (sound behaviour, no engine error)', () => {
      it.each(defects.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
        expect(() => runCase(testCase)).not.toThrow()
      })
    })
  }
})
