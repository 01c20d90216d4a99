import { messagesFor } from '../humanize'

describe('number keywords', () => {
  it.each([
    [{ minimum: -0.5 }, -1, 'The root value must be equal to or greater than -0.5.'],
    [{ maximum: 99 }, 100, 'The root value must be equal to or less than 99.'],
    [{ exclusiveMinimum: 0 }, 0, 'The root value must be greater than 0.'],
    [{ exclusiveMaximum: 100 }, 250, 'The root value must be less than 100.'],
    [{ multipleOf: 5 }, 7, 'The root value must be a multiple of 5.'],
    [{ multipleOf: 0.1 }, 0.15, 'The root value must be a multiple of 0.1.']
  ])('%j against %j', (schema, data, message) => {
    expect(messagesFor(schema, data)).toEqual([message])
  })
})
