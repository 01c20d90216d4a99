import { humanize } from '../humanize'

const schema = {
  type: 'object',
  properties: {
    user: {
      type: 'object',
      properties: { age: { title: 'User age', type: 'number' }, tags: { type: 'array', items: { type: 'string' } } },
      required: ['id']
    },
    'a/b': { type: 'number' },
    'c.d': { type: 'number' }
  }
}
const data = { user: { age: 'x', tags: ['ok', 5] }, 'a/b': 'x', 'c.d': 'y' }

function subjects(fieldLabels?: 'title' | 'js' | 'jsonPath' | 'jsonPointer' | 'instancePath'): string[] {
  return humanize(schema, data, { fieldLabels }).errors.map((error) => error.message.split(/ (is|must|has) /)[0])
}

describe('fieldLabels', () => {
  it('title (default) prefers the schema title, then the pointer', () => {
    expect(subjects()).toEqual([
      'The value at /user',
      'User age',
      'The value at /user/tags/1',
      'The value at /a~1b',
      'The value at /c.d'
    ])
  })

  it('js escapes dots but not slashes', () => {
    expect(subjects('js')).toEqual([
      'The value at .user',
      'The value at .user.age',
      'The value at .user.tags[1]',
      'The value at .a/b',
      'The value at .c\\.d'
    ])
  })

  it('jsonPath', () => {
    expect(subjects('jsonPath')).toEqual([
      'The value at $.user',
      'The value at $.user.age',
      'The value at $.user.tags[1]',
      'The value at $.a/b',
      'The value at $.c\\.d'
    ])
  })

  it.each(['jsonPointer', 'instancePath'] as const)('%s uses the JSON pointer', (fieldLabels) => {
    expect(subjects(fieldLabels)).toEqual([
      'The value at /user',
      'The value at /user/age',
      'The value at /user/tags/1',
      'The value at /a~1b',
      'The value at /c.d'
    ])
  })

  it('names the root "The root value", "Root title" in title mode, "$" in jsonPath mode', () => {
    expect(humanize({ type: 'string', title: 'Root title' }, 1).message).toBe(
      'Root title must be a string but it was a number.'
    )
    expect(humanize({ type: 'string', title: 'Root title' }, 1, { fieldLabels: 'jsonPath' }).message).toBe(
      'The value at $ must be a string but it was a number.'
    )
    for (const fieldLabels of ['js', 'jsonPointer', 'instancePath'] as const) {
      expect(humanize({ type: 'string', title: 'Root title' }, 1, { fieldLabels }).message).toBe(
        'The root value must be a string but it was a number.'
      )
    }
  })

  it('builds paths and pointers for awkward keys', () => {
    const keys = ['1', '', 'x.y/z~w', '01', '-1']
    const properties = Object.fromEntries(keys.map((key) => [key, { type: 'number' }]))
    const errors = humanize({ type: 'object', properties }, Object.fromEntries(keys.map((key) => [key, 'x']))).errors
    expect(errors.map(({ path, pointer }) => [path, pointer])).toEqual([
      ['$[1]', '/1'],
      ['$.', '/'],
      ['$.x\\.y/z~w', '/x.y~1z~0w'],
      ['$[01]', '/01'],
      ['$.-1', '/-1']
    ])
  })
})
