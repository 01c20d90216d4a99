import { AggregateAjvError, AjvError } from '../../src'
import { humanize } from '../humanize'

const schema = { type: 'object', properties: { n: { type: 'number', maximum: 3 } }, required: ['id'] }

describe('AggregateAjvError', () => {
  it('is an Error named AggregateAjvError whose message joins the sentences', () => {
    const error = humanize(schema, { n: 10 })
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('AggregateAjvError')
    expect(error.message).toBe(
      "The root value is missing the required field 'id'. The value at /n must be equal to or less than 3."
    )
    expect(String(error)).toBe(`AggregateAjvError: ${error.message}`)
  })

  it('iterates over its AjvError entries', () => {
    const entries = [...humanize(schema, { n: 10 })]
    expect(entries).toHaveLength(2)
    expect(entries[1]).toBeInstanceOf(AjvError)
    expect(entries[1]).toMatchObject({ path: '$.n', pointer: '/n', redundant: false })
  })

  it('toJSON gives path, pointer and message, plus original and data on request', () => {
    expect(humanize(schema, { n: 10 }).toJSON()[1]).toEqual({
      path: '$.n',
      pointer: '/n',
      message: 'The value at /n must be equal to or less than 3.'
    })
    const detailed = humanize(schema, { n: 10 }, { includeOriginalError: true, includeData: true }).toJSON()[1]
    expect(detailed.data).toBe(10)
    expect(detailed.original).toMatchObject({ keyword: 'maximum', instancePath: '/n', params: { limit: 3 } })
    expect(JSON.parse(JSON.stringify(humanize(schema, { n: 10 })))).toHaveLength(2)
  })

  it('leaves out redundant errors everywhere', () => {
    const error = humanize({ propertyNames: { pattern: '^a' } }, { b: 1 })
    expect(error.errors).toHaveLength(1)
    expect([...error]).toHaveLength(1)
    expect(error.toJSON()).toHaveLength(1)
  })

  it('accepts no errors at all', () => {
    for (const none of [[], null, undefined]) {
      const error = new AggregateAjvError(none)
      expect(error.message).toBe('')
      expect(error.errors).toEqual([])
    }
  })

  it('does not modify the Ajv errors it was given', () => {
    const ajvErrors = [
      { keyword: 'type', instancePath: '/a', schemaPath: '#/type', params: { type: 'string' }, data: 1 }
    ]
    const copy = JSON.parse(JSON.stringify(ajvErrors))
    new AggregateAjvError(ajvErrors, { includeOriginalError: true, includeData: true })
    expect(ajvErrors).toEqual(copy)
  })
})
