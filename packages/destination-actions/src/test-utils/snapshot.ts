import nock from 'nock'
import { createTestEvent, createTestIntegration } from '@action-destinations/core'
import type { DestinationDefinition, JSONObject } from '@action-destinations/core'
import { createSeededFaker, generateFieldValues } from './test-data'

/** One outgoing request as the vendor would receive it. */
export interface CapturedRequest {
  method: string
  url: string
  body: unknown
}

export interface SnapshotOptions {
  /** Field values that must hold for an action to accept its input (e.g. a Slack webhook URL). */
  overrides?: Record<string, Record<string, unknown>>
  /**
   * Values added only in the "required fields" case: what a vendor needs but the schema cannot mark required
   * (one of several identifiers, an item id or name).
   */
  requiredOverrides?: Record<string, Record<string, unknown>>
  /** Settings values that must hold (e.g. a region choice); merged over generated settings. */
  settings?: Record<string, unknown>
  /** OAuth tokens handed to the action, for oauth2 destinations. */
  auth?: { accessToken: string; refreshToken: string }
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

/** Intercepts every host and method, answering 200 `{}` and recording what was sent. */
export function captureAllRequests(): CapturedRequest[] {
  const captured: CapturedRequest[] = []
  for (const method of METHODS) {
    nock(/.*/)
      .persist()
      .intercept(/.*/, method.toUpperCase())
      .reply(function (uri, body) {
        // The Host header names the vendor host; nock's basePath is the /.*/ pattern here.
        const host = String(this.req.headers.host ?? '')
        captured.push({ method: method.toUpperCase(), url: `${host}${uri}`, body: parseBody(body) })
        return [200, {}]
      })
  }
  return captured
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string' || body.length === 0) return body
  try {
    return JSON.parse(body)
  } catch {
    return body
  }
}

/**
 * The reference-style snapshot suite: for each action a "required fields" and an "all fields" case whose
 * inputs come from seeded generated data, snapshotting every request the action sends.
 */
export function describeSnapshots<Settings>(
  slug: string,
  definition: DestinationDefinition<Settings>,
  options: SnapshotOptions = {}
): void {
  describe(`${definition.name} snapshots`, () => {
    beforeEach(() => nock.cleanAll())
    afterAll(() => nock.cleanAll())

    for (const actionSlug of Object.keys(definition.actions)) {
      for (const requiredOnly of [true, false]) {
        const label = requiredOnly ? 'required fields' : 'all fields'
        it(`${actionSlug} - ${label}`, async () => {
          const faker = createSeededFaker(`${slug}#${actionSlug}`)
          const action = definition.actions[actionSlug]
          const data = {
            ...generateFieldValues(action.fields, faker, { requiredOnly }),
            ...(options.overrides?.[actionSlug] ?? {}),
            ...((requiredOnly && options.requiredOverrides?.[actionSlug]) || {})
          }
          const settings = {
            ...generateFieldValues(definition.authentication?.fields ?? {}, faker, { requiredOnly: false }),
            ...(options.settings ?? {})
          } as unknown as Settings
          const captured = captureAllRequests()
          const event = createTestEvent({ properties: data as JSONObject })

          await createTestIntegration(definition).testAction(actionSlug, {
            event,
            mapping: event.properties as JSONObject,
            settings,
            auth: options.auth
          })

          expect(captured.length).toBeGreaterThan(0)
          expect(captured).toMatchSnapshot()
        })
      }
    }
  })
}
