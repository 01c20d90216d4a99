import { Destination, createTestEvent } from '../../../src'
import type { ActionDefinition } from '../../../src'
import { text, destinationWith, subscribed } from './reference-definition'
import type { Perform, Settings } from './reference-definition'

// Hook outputs and sync modes as perform and performBatch receive them. Expected values are the
// reference's answers (see reference-definition.ts).

describe('hook outputs', () => {
  const hooks = {
    onMappingSave: { label: 'Save', description: 'Save', performHook: async () => ({}) }
  }
  const entry = { inputs: { name: 'list' }, outputs: { id: 'list-1' } }

  it('perform and performBatch get the whole saved hook entry, outputs under .outputs', async () => {
    const seen: unknown[] = []
    const destination = new Destination(
      destinationWith({
        hooks,
        perform: ((_request, data) => seen.push(data.hookOutputs)) as Perform,
        performBatch: (_request, data) => {
          seen.push(data.hookOutputs)
        }
      })
    )
    const settings = subscribed({ f: 'x', onMappingSave: entry })
    await destination.onEvent(createTestEvent(), settings)
    await destination.onBatch([createTestEvent()], settings)
    expect(seen).toEqual([{ onMappingSave: entry }, { onMappingSave: entry }])
  })

  it('are an empty object when the mapping has none', async () => {
    const destination = new Destination(destinationWith({ perform: ((_r, data) => data.hookOutputs) as Perform }))
    const results = await destination.onEvent(createTestEvent(), subscribed({ f: 'x' }))
    expect(results[2]).toEqual({ data: {}, output: 'Action Executed' })
  })
})

describe('sync mode', () => {
  const syncMode = {
    label: 'Sync',
    description: 'Sync',
    default: 'add' as const,
    choices: [{ label: 'Add', value: 'add' as const }]
  }
  const modeOf = async (definition: Partial<ActionDefinition<Settings>>, mode: unknown) => {
    const destination = new Destination(
      destinationWith({ ...definition, perform: ((_r, data) => data.syncMode ?? null) as Perform })
    )
    const results = await destination.onEvent(
      createTestEvent(),
      subscribed({ f: 'x', __segment_internal_sync_mode: mode as string })
    )
    return results[2].data
  }

  it("is any of the framework's modes, whatever the action's own choices", async () => {
    expect(await modeOf({ syncMode }, 'add')).toBe('add')
    expect(await modeOf({ syncMode }, 'upsert')).toBe('upsert')
    expect(await modeOf({ syncMode }, 'mirror')).toBe('mirror')
  })

  it('is undefined for other values and for actions without syncMode', async () => {
    expect(await modeOf({ syncMode }, 'sideways')).toBeNull()
    expect(await modeOf({}, 'add')).toBeNull()
  })

  it('reaches performBatch the same way', async () => {
    let seen: unknown
    const destination = new Destination(
      destinationWith({
        syncMode,
        performBatch: (_r, data) => {
          seen = data.syncMode
        }
      })
    )
    await destination.onBatch([createTestEvent()], subscribed({ f: 'x', __segment_internal_sync_mode: 'delete' }))
    expect(seen).toBe('delete')
  })

  describe('a field required by a condition on the sync mode', () => {
    const definition: Partial<ActionDefinition<Settings>> = {
      syncMode: { ...syncMode, choices: [...syncMode.choices, { label: 'Delete', value: 'delete' }] },
      fields: {
        f: text('F'),
        reason: {
          ...text('Reason'),
          required: {
            conditions: [{ fieldKey: '__segment_internal_sync_mode', operator: 'is', value: 'delete' }]
          }
        }
      }
    }

    it('is enforced: without it the payload fails validation with the reference message', async () => {
      const destination = new Destination(destinationWith(definition))
      await expect(
        destination.onEvent(createTestEvent(), subscribed({ f: 'x', __segment_internal_sync_mode: 'delete' }))
      ).rejects.toMatchObject({
        name: 'AggregateAjvError',
        status: 400,
        message: `The root value is missing the required field 'reason'. The root value must match "then" schema.`
      })
    })

    it('is not required under other modes, and the sync mode key never reaches the payload', async () => {
      const destination = new Destination(destinationWith(definition))
      const add = await destination.onEvent(
        createTestEvent(),
        subscribed({ f: 'x', __segment_internal_sync_mode: 'add' })
      )
      expect(add[2].data).toEqual({ f: 'x' })
      const withReason = await destination.onEvent(
        createTestEvent(),
        subscribed({ f: 'x', reason: 'gone', __segment_internal_sync_mode: 'delete' })
      )
      expect(withReason[2].data).toEqual({ f: 'x', reason: 'gone' })
    })

    it('gives a 400 multistatus entry for each batch event without it', async () => {
      const destination = new Destination(destinationWith({ ...definition, performBatch: () => undefined }))
      const results = await destination.onBatch(
        [createTestEvent({ properties: { r: 'gone' } }), createTestEvent()],
        subscribed({ f: 'x', reason: { '@path': '$.properties.r' }, __segment_internal_sync_mode: 'delete' })
      )
      expect(results).toEqual([
        {
          multistatus: [
            { status: 200, body: {}, sent: { f: 'x', reason: 'gone' } },
            {
              status: 400,
              errortype: 'PAYLOAD_VALIDATION_FAILED',
              errormessage: `The root value is missing the required field 'reason'. The root value must match "then" schema.`,
              errorreporter: 'INTEGRATIONS'
            }
          ]
        }
      ])
    })
  })
})
