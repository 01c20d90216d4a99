import { Destination, createTestEvent, fieldsToJsonSchema, validateSchema } from '../../../src'
import type { JSONObject } from '../../../src'
import { text, destinationWith, subscribed } from './reference-definition'

// How payloads (and hook inputs) are cleaned, wrapped and validated. Expected values are the
// reference's answers (see reference-definition.ts).

describe('a single value for a multiple field', () => {
  const fields = {
    items: {
      label: 'Items',
      description: 'Items',
      type: 'object' as const,
      multiple: true,
      properties: { sku: text('SKU'), meta: { label: 'Meta', description: 'Meta', type: 'object' as const } }
    },
    nested: {
      label: 'Nested',
      description: 'Nested',
      type: 'object' as const,
      properties: { inner: { label: 'Inner', description: 'Inner', type: 'object' as const, multiple: true } }
    }
  }

  it('is wrapped into an array before validation, object fields included', async () => {
    const destination = new Destination(destinationWith({ fields }))
    const results = await destination.onEvent(
      createTestEvent(),
      subscribed({ items: { sku: 'a', meta: { deep: { er: 1 } } } })
    )
    expect(results[2].data).toEqual({ items: [{ sku: 'a', meta: { deep: { er: 1 } } }] })
  })

  it('is wrapped only at the top level, as in the reference (nested objects still fail)', async () => {
    const destination = new Destination(destinationWith({ fields }))
    await expect(
      destination.onEvent(createTestEvent(), subscribed({ nested: { inner: { a: 1 } } }))
    ).rejects.toMatchObject({ message: 'Inner must be an array but it was an object.' })
  })

  it('is wrapped in place by validateSchema', () => {
    const payload = { items: { sku: 'a' } }
    expect(validateSchema(payload, fieldsToJsonSchema(fields))).toBe(true)
    expect(payload).toEqual({ items: [{ sku: 'a' }] })
  })
})

describe('empty values', () => {
  it('a top-level "" is removed from a single payload but kept in a batch, as in the reference', async () => {
    const destination = new Destination(destinationWith({ performBatch: () => undefined }))
    const settings = subscribed({ f: { '@path': '$.properties.empty' } })
    const event = createTestEvent({ properties: { empty: '' } })
    expect((await destination.onEvent(event, settings))[2]).toEqual({ data: {}, output: 'Action Executed' })
    expect(await destination.onBatch([event], settings)).toEqual([
      { multistatus: [{ status: 200, body: {}, sent: { f: '' } }] }
    ])
  })
})

describe('hook inputs', () => {
  const destination = new Destination(
    destinationWith({
      hooks: {
        onMappingSave: {
          label: 'Save',
          description: 'Save',
          inputFields: {
            name: { ...text('Name'), required: true },
            tags: { ...text('Tags'), multiple: true }
          },
          performHook: async (_request, { hookInputs }) => ({ successMessage: JSON.stringify(hookInputs) })
        }
      }
    })
  )
  const run = (hookInputs?: JSONObject) =>
    destination.actions.a.executeHook('onMappingSave', { settings: {}, payload: {}, hookInputs })

  it('are validated as given: missing inputs fail as a missing object', async () => {
    await expect(run()).rejects.toMatchObject({
      name: 'AggregateAjvError',
      message: 'The root value must be an object but it was undefined.'
    })
    await expect(run({})).rejects.toMatchObject({ message: "The root value is missing the required field 'name'." })
  })

  it('reach the hook coerced', async () => {
    const given = { name: 5, tags: 'a' }
    await expect(run(given)).resolves.toEqual({ successMessage: '{"name":"5","tags":["a"]}' })
    // Unlike the reference, which coerces the caller's object in place.
    expect(given).toEqual({ name: 5, tags: 'a' })
  })
})
