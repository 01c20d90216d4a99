import type { FieldLabels } from '../src'
import { messagesFor } from './humanize'

const schema = {
  type: 'object',
  properties: {
    user: {
      type: 'object',
      properties: { age: { title: 'user age', type: 'number' }, 'a/b': { type: 'number' }, 'c.d': { type: 'number' } }
    },
    list: { type: 'array', items: { type: 'string' } }
  }
}
const data = { user: { age: 'x', 'a/b': 'y', 'c.d': 'z' }, list: ['ok', 1] }

describe('fieldLabels', () => {
  it.each<[FieldLabels, string[]]>([
    [
      'title',
      [
        'User age must be a number but it was a string.',
        'The value at /user/a~1b must be a number but it was a string.',
        'The value at /user/c.d must be a number but it was a string.',
        'The value at /list/1 must be a string but it was a number.'
      ]
    ],
    [
      'js',
      [
        'The value at .user.age must be a number but it was a string.',
        'The value at .user.a/b must be a number but it was a string.',
        'The value at .user.c\\.d must be a number but it was a string.',
        'The value at .list[1] must be a string but it was a number.'
      ]
    ],
    [
      'jsonPath',
      [
        'The value at $.user.age must be a number but it was a string.',
        'The value at $.user.a/b must be a number but it was a string.',
        'The value at $.user.c\\.d must be a number but it was a string.',
        'The value at $.list[1] must be a string but it was a number.'
      ]
    ],
    [
      'jsonPointer',
      [
        'The value at /user/age must be a number but it was a string.',
        'The value at /user/a~1b must be a number but it was a string.',
        'The value at /user/c.d must be a number but it was a string.',
        'The value at /list/1 must be a string but it was a number.'
      ]
    ]
  ])('%s', (fieldLabels, messages) => {
    expect(messagesFor(schema, data, { fieldLabels })).toEqual(messages)
    if (fieldLabels === 'jsonPointer')
      expect(messagesFor(schema, data, { fieldLabels: 'instancePath' })).toEqual(messages)
  })

  it('names the root "The root value", except jsonPath which names it $', () => {
    expect(messagesFor({ type: 'string' }, 1, { fieldLabels: 'js' })).toEqual([
      'The root value must be a string but it was a number.'
    ])
    expect(messagesFor({ type: 'string' }, 1, { fieldLabels: 'jsonPath' })).toEqual([
      'The value at $ must be a string but it was a number.'
    ])
  })

  it('uses a title at the root and capitalizes it', () => {
    expect(messagesFor({ type: 'string', title: 'élan' }, 1)).toEqual(['Élan must be a string but it was a number.'])
  })

  it('uses the title of a $ref target', () => {
    const refSchema = {
      type: 'object',
      properties: { a: { $ref: '#/definitions/a' } },
      definitions: { a: { type: 'string', title: 'Ref title' } }
    }
    expect(messagesFor(refSchema, { a: 1 })).toEqual(['Ref title must be a string but it was a number.'])
  })
})
