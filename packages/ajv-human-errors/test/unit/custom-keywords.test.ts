import { messagesFor } from '../humanize'

describe('title, errorMessage and patternLabel', () => {
  it('title names the field, capitalized', () => {
    expect(messagesFor({ properties: { age: { title: 'age', type: 'number' } } }, { age: 'x' })).toEqual([
      'Age must be a number but it was a string.'
    ])
  })

  it('ignores an empty or blank title', () => {
    expect(messagesFor({ type: 'string', title: '' }, 1)).toEqual([
      'The root value must be a string but it was a number.'
    ])
    expect(messagesFor({ type: 'string', title: '  ' }, 1)).toEqual([
      'The root value must be a string but it was a number.'
    ])
  })

  it('errorMessage replaces the sentence for every keyword of its schema', () => {
    expect(messagesFor({ type: 'string', errorMessage: 'should be a bag of bytes' }, 5)).toEqual([
      'The root value should be a bag of bytes.'
    ])
    expect(messagesFor({ title: 'T', required: ['a'], errorMessage: 'needs a' }, {})).toEqual(['T needs a.'])
  })

  it('errorMessage is used as written, with the full stop the reference adds, and may be given per keyword', () => {
    expect(messagesFor({ required: ['a'], errorMessage: 'needs a.' }, {})).toEqual(['The root value needs a..'])
    const perKeyword = { type: 'object', required: ['a'], minProperties: 2, errorMessage: { required: 'needs a' } }
    expect(messagesFor(perKeyword, {}).sort()).toEqual([
      'The root value must have 2 or more properties but it has 0.',
      'The root value needs a.'
    ])
  })

  it('an empty errorMessage or patternLabel is ignored', () => {
    expect(messagesFor({ required: ['a'], errorMessage: '' }, {})).toEqual([
      "The root value is missing the required field 'a'."
    ])
    expect(messagesFor({ pattern: '^a', patternLabel: '' }, 'b')).toEqual(['The root value is an invalid string.'])
  })
})
