import nock from 'nock'
import { createTestEvent, createTestIntegration } from '@action-destinations/core'
import type { JSONObject } from '@action-destinations/core'
import destination from '../index'

// Snapshots of what each action sends with fixed inputs, so a change in a request shows up in review.
const testDestination = createTestIntegration(destination)
const destinationSlug = {{slugString}}

interface SampleField {
  type?: string
  multiple?: boolean
  choices?: unknown
}

// Deterministic sample values: the same input every run keeps the snapshots stable.
function sampleValue(key: string, field: SampleField): unknown {
  const choices = Array.isArray(field.choices) ? field.choices : []
  const first = choices[0] as { value?: unknown } | string | undefined
  let value: unknown
  if (first !== undefined) value = typeof first === 'object' ? first.value : first
  else if (field.type === 'integer' || field.type === 'number') value = 7
  else if (field.type === 'boolean') value = true
  else if (field.type === 'datetime') value = '2021-02-03T04:05:06.000Z'
  else if (field.type === 'object') value = { testKey: `${key}-value` }
  else value = `${key}-value`
  return field.multiple ? [value] : value
}

function sampleValues(fields: Record<string, SampleField>): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(fields)) values[key] = sampleValue(key, field)
  return values
}

function captureRequests(): Array<{ method: string; url: string; body: string }> {
  const seen: Array<{ method: string; url: string; body: string }> = []
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
    nock(/.*/)
      .persist()
      .intercept(/.*/, method)
      .reply(200, function (uri, body) {
        seen.push({ method, url: `${this.req.headers.host ?? ''}${uri}`, body: typeof body === 'string' ? body : JSON.stringify(body) })
        return {}
      })
  }
  return seen
}

describe(`Testing snapshot for ${destinationSlug} destination:`, () => {
  afterEach(() => nock.cleanAll())

  it('declares its settings and actions', () => {
    expect({
      settings: Object.keys(destination.authentication?.fields ?? {}),
      actions: Object.keys(destination.actions)
    }).toMatchSnapshot()
  })

  for (const actionSlug of Object.keys(destination.actions)) {
    it(`${actionSlug} action - all fields`, async () => {
      const action = destination.actions[actionSlug]
      const seen = captureRequests()
      const mapping = sampleValues(action.fields as Record<string, SampleField>) as JSONObject
      type Settings = Parameters<typeof testDestination.testAction>[1]['settings']
      const settings = sampleValues((destination.authentication?.fields ?? {}) as Record<string, SampleField>) as unknown as Settings
      await testDestination.testAction(actionSlug, {
        event: createTestEvent({ properties: mapping }),
        mapping,
        settings,
        auth: { accessToken: 'test-access-token', refreshToken: 'test-refresh-token' },
        useDefaultMappings: false
      })
      expect(seen).toMatchSnapshot()
    })
  }
})
