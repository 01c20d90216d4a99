import { messagesFor } from '../humanize'

describe('type', () => {
  it.each([
    ['string', 1234, 'The root value must be a string but it was a number.'],
    ['string', null, 'The root value must be a string but it was null.'],
    ['string', [1], 'The root value must be a string but it was an array.'],
    ['integer', 1.5, 'The root value must be an integer but it was a number.'],
    ['object', [], 'The root value must be an object but it was an array.'],
    ['null', 1, 'The root value must be a null but it was a number.'],
    ['boolean', {}, 'The root value must be a boolean but it was an object.']
  ])('%s against %j', (type, data, message) => {
    expect(messagesFor({ type }, data)).toEqual([message])
  })

  it('lists union types with a serial comma', () => {
    expect(messagesFor({ type: ['string', 'number'] }, false)).toEqual([
      'The root value must be a string or number but it was a boolean.'
    ])
    expect(messagesFor({ type: ['string', 'number', 'boolean'] }, null)).toEqual([
      'The root value must be a string, number, or boolean but it was null.'
    ])
    expect(messagesFor({ type: ['integer', 'array'] }, null)).toEqual([
      'The root value must be an integer or array but it was null.'
    ])
  })
})
