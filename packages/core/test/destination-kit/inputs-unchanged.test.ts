import { Destination, createTestEvent } from '../../src'
import type { DestinationDefinition, JSONObject } from '../../src'
import { echoDestination } from './runtime-fixtures'
import type { Settings } from './runtime-fixtures'

// The caller's event, settings and definition are never modified; validators are per schema.

describe('inputs are never modified', () => {
  it('keeps the event, settings and definition as they were', async () => {
    const definition: DestinationDefinition<Settings> = {
      name: 'Mutation Check',
      mode: 'cloud',
      authentication: {
        scheme: 'custom',
        fields: {
          n: { label: 'N', description: 'N', type: 'number' },
          list: { label: 'L', description: 'L', type: 'string', multiple: true }
        }
      },
      actions: {
        a: {
          title: 'A',
          description: 'A',
          fields: {
            nums: { label: 'Nums', description: 'Nums', type: 'number', multiple: true },
            obj: { label: 'Obj', description: 'Obj', type: 'object', properties: { k: { label: 'K', type: 'number' } } }
          },
          perform: (_r, { payload }) => payload
        }
      }
    }
    const event = createTestEvent({ properties: { nums: ['1', null, 2], obj: { k: '5', extra: true } } })
    const settings = {
      n: '3',
      list: [1, 2],
      subscription: {
        subscribe: 'type = "track"',
        partnerAction: 'a',
        mapping: { nums: { '@path': '$.properties.nums' }, obj: { '@path': '$.properties.obj' } }
      }
    } as unknown as JSONObject
    const snapshot = JSON.stringify([definition.authentication, event, settings])
    const destination = new Destination(definition)
    const results = await destination.onEvent(event, settings)
    expect(results[2].data).toEqual({ nums: [1, 2], obj: { k: 5 } })
    expect(JSON.stringify([definition.authentication, event, settings])).toBe(snapshot)
  })

  it('a perform that edits its payload changes neither the event nor what another subscription receives', async () => {
    const seen: unknown[] = []
    const definition: DestinationDefinition<Settings> = {
      name: 'Editing Perform',
      mode: 'cloud',
      actions: {
        edit: {
          title: 'Edit',
          description: 'Edits everything it is given',
          fields: {
            props: { label: 'Props', description: 'Props', type: 'object' },
            items: {
              label: 'Items',
              description: 'Items',
              type: 'object',
              multiple: true,
              properties: { id: { label: 'ID', type: 'string' } }
            }
          },
          perform: (_r, { payload }) => {
            seen.push(JSON.parse(JSON.stringify(payload)))
            const props = payload.props as Record<string, unknown>
            ;(props.nested as Record<string, unknown>).x = 'edited'
            delete props.a
            ;(payload.items as Array<Record<string, unknown>>)[0].id = 'edited'
            ;(payload.items as unknown[]).push({ id: 'added' })
            return 'done'
          }
        }
      }
    }
    const event = createTestEvent({ properties: { a: 1, nested: { x: 'original' }, items: [{ id: 'i1' }] } })
    const snapshot = JSON.stringify(event)
    const mapping = { props: { '@path': '$.properties' }, items: { '@path': '$.properties.items' } }
    const subscription = { subscribe: 'type = "track"', partnerAction: 'edit', mapping }
    const destination = new Destination(definition)
    await destination.onEvent(event, { subscriptions: [subscription, { ...subscription }] } as unknown as JSONObject)
    await destination.onEvent(event, { subscription } as unknown as JSONObject)
    expect(JSON.stringify(event)).toBe(snapshot)
    expect(seen).toHaveLength(3)
    for (const payload of seen) expect(payload).toEqual({ props: event.properties, items: [{ id: 'i1' }] })
  })

  it('drops payload keys that are not fields, whether or not the mapping can produce them', async () => {
    const definition: DestinationDefinition<Settings> = {
      name: 'Known Keys',
      mode: 'cloud',
      actions: {
        a: {
          title: 'A',
          description: 'A',
          fields: {
            n: { label: 'N', description: 'N', type: 'number' },
            obj: { label: 'Obj', description: 'Obj', type: 'object', properties: { k: { label: 'K', type: 'number' } } }
          },
          perform: (_r, { payload }) => payload
        }
      }
    }
    const destination = new Destination(definition)
    const event = createTestEvent({ properties: { n: '4', obj: { k: '5', extra: true }, whole: { n: '6', other: 1 } } })
    const run = async (mapping: JSONObject) =>
      (
        await destination.onEvent(event, { subscription: { subscribe: 'type = "track"', partnerAction: 'a', mapping } })
      )[2].data
    // Every mapping key is a field: coercion and nested removal still apply.
    expect(await run({ n: { '@path': '$.properties.n' }, obj: { '@path': '$.properties.obj' } })).toEqual({
      n: 4,
      obj: { k: 5 }
    })
    // A key that is not a field, and a root directive whose keys are unknown, are removed.
    expect(await run({ n: { '@path': '$.properties.n' }, notAField: 'x' })).toEqual({ n: 4 })
    expect(await run({ '@path': '$.properties.whole' })).toEqual({ n: 6 })
  })

  it('does not pass the subscription keys to perform', async () => {
    const results = await echoDestination().onEvent(createTestEvent(), {
      apiKey: 'k',
      subscription: { subscribe: 'type = "track"', partnerAction: 'ok', mapping: {} }
    } as JSONObject)
    expect((results[2].data as JSONObject).settings).toEqual({ apiKey: 'k' })
  })
})

describe('validators are keyed by schema, not by name', () => {
  it('two definitions with the same name and action title validate independently', async () => {
    const make = (type: 'string' | 'number') =>
      new Destination({
        name: 'Same Name With Spaces',
        mode: 'cloud',
        actions: {
          a: {
            title: 'Same Title',
            description: 'x',
            fields: { v: { label: 'V', description: 'V', type } },
            perform: (_r, { payload }) => payload
          }
        }
      })
    const settings = {
      subscription: { subscribe: 'type = "track"', partnerAction: 'a', mapping: { v: 'abc' } }
    } as JSONObject
    await expect(make('string').onEvent(createTestEvent(), settings)).resolves.toHaveLength(3)
    await expect(make('number').onEvent(createTestEvent(), settings)).rejects.toMatchObject({
      name: 'AggregateAjvError',
      status: 400
    })
  })
})
