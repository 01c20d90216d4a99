import { prepareSchemaForTypes } from '../src/lib/typegen/prepare-schema'

describe('prepareSchemaForTypes', () => {
  it('drops title and enum keywords at every depth but keeps properties named like them', () => {
    const schema = {
      title: 'Root',
      type: 'object',
      properties: {
        title: { title: 'Title', type: 'string', enum: ['a', 'b'] },
        list: { type: 'array', items: { title: 'Item', type: 'string', enum: ['x'] } },
        either: { anyOf: [{ title: 'A', type: 'string' }, { type: 'null' }] }
      }
    }
    expect(prepareSchemaForTypes(schema)).toEqual({
      type: 'object',
      properties: {
        title: { type: 'string' },
        list: { type: 'array', items: { type: 'string' } },
        either: { anyOf: [{ type: 'string' }, { type: 'null' }] }
      }
    })
    expect(schema.title).toBe('Root')
  })
})
