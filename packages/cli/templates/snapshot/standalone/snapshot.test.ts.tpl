import nock from 'nock'
import { createTestEvent, createTestIntegration } from '@action-destinations/core'
import type { JSONObject } from '@action-destinations/core'
import destination from '../index'

// Snapshots of what each action sends with fixed inputs, so a change in a request shows up in review.
//
// Writing snapshots: `jest --ci` never writes a new snapshot; it fails with "New snapshot was not
// written". After adding or changing an action, run this file once without --ci (`npx jest <this
// folder> --ci=false`, add -u to rewrite snapshots that changed on purpose) and commit __snapshots__.
const testDestination = createTestIntegration(destination)
const destinationSlug = {{slugString}}

interface SampleField {
  type?: string
  format?: string
  multiple?: boolean
  choices?: unknown
}

// Values a string field's `format` accepts: validation rejects a plain word for a URL or an e-mail.
function formatted(key: string, format: string | undefined): string | undefined {
  const word = key.toLowerCase().replace(/[^a-z0-9]+/g, '-')
  switch (format) {
    case 'uri':
    case 'uri-reference':
      return `https://${word}.example.com/path`
    case 'email':
      return `${word}@example.com`
    case 'date-time':
      return '2021-02-03T04:05:06.000Z'
    case 'date':
      return '2021-02-03'
    case 'uuid':
      return '8f2c6c1e-5b1a-4c3e-9d2f-0a1b2c3d4e5f'
    case 'hostname':
      return `${word}.example.com`
    case 'ipv4':
      return '192.0.2.7'
    default:
      return undefined
  }
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
  else value = formatted(key, field.format) ?? `${key}-value`
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
