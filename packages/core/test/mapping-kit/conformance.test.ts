import * as fs from 'fs'
import * as path from 'path'
import { transform, validate } from '../../src/mapping-kit'
import { decode, encode, ENGINE_ERRORS, messagesOf } from './conformance-codec'

interface MappingCase {
  name: string
  feature: string
  defect?: string
  mapping: unknown
  data: unknown
  expected?: unknown
  error?: string
  errorName?: string
  errors?: string[]
}

interface ValidateCase {
  name: string
  defect?: string
  mapping: unknown
  valid: boolean
  errors?: string[]
}

const fixtures = path.join(__dirname, '..', 'fixtures', 'conformance')
const mappingCases: MappingCase[] = JSON.parse(fs.readFileSync(path.join(fixtures, 'mapping-kit.json'), 'utf8'))
const validateCases: ValidateCase[] = JSON.parse(
  fs.readFileSync(path.join(fixtures, 'mapping-kit-validate.json'), 'utf8')
)

type Outcome = { value: unknown } | { thrown: unknown }

function run(testCase: MappingCase): Outcome {
  // Fresh copies each time, so a mutation of the inputs would show up as a difference.
  const mapping = decode(testCase.mapping)
  const data = decode(testCase.data)
  try {
    return { value: transform(mapping as never, data as never) }
  } catch (thrown) {
    return { thrown }
  }
}

describe('mapping-kit conformance: transform', () => {
  const ordinary = mappingCases.filter((testCase) => !testCase.defect)
  const defects = mappingCases.filter((testCase) => testCase.defect)

  it('has the recorded number of cases', () => {
    expect(mappingCases).toHaveLength(324)
    expect(defects).toHaveLength(3)
  })

  it.each(ordinary.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    const outcome = run(testCase)
    if ('expected' in testCase) {
      if ('thrown' in outcome) throw outcome.thrown
      expect(encode(outcome.value)).toEqual(testCase.expected)
      // Twice, so the cached compiled form is exercised too.
      const again = run(testCase)
      expect('value' in again && encode(again.value)).toEqual(testCase.expected)
      return
    }
    expect('thrown' in outcome).toBe(true)
    const thrown = (outcome as { thrown: Error }).thrown
    expect(thrown.name).toBe(testCase.errorName)
    if (testCase.errors) {
      expect(messagesOf(thrown)).toEqual(testCase.errors)
      expect(messagesOf(thrown).join('\n')).toBe(testCase.error)
    } else {
      expect(thrown.message).toBe(testCase.error)
    }
  })

  it.each(defects.map((testCase) => [testCase.name, testCase] as const))(
    'defect, sound behaviour: %s',
    (_name, testCase) => {
      const mappingBefore = JSON.stringify(testCase.mapping)
      const outcome = run(testCase)
      if ('thrown' in outcome) {
        expect(ENGINE_ERRORS).not.toContain((outcome.thrown as Error).name)
        expect((outcome.thrown as Error).message).toMatch(/\S/)
      } else {
        expect(encode(outcome.value)).not.toEqual(testCase.expected)
      }
      expect(JSON.stringify(testCase.mapping)).toBe(mappingBefore)
    }
  )
})

describe('mapping-kit conformance: validate', () => {
  it('has the recorded number of cases', () => {
    expect(validateCases).toHaveLength(55)
  })

  it.each(validateCases.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    const mapping = decode(testCase.mapping)
    let thrown: unknown
    try {
      validate(mapping)
    } catch (error) {
      thrown = error
    }
    if (testCase.valid) {
      expect(thrown).toBeUndefined()
      return
    }
    expect(thrown).toBeDefined()
    expect(ENGINE_ERRORS).not.toContain((thrown as Error).name)
    expect(messagesOf(thrown)).toEqual(testCase.errors)
  })
})
