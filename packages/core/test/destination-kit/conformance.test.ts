import nock from 'nock'
import { Destination } from '../../src'
import type { JSONObject, SegmentEvent } from '../../src'
import cases from '../fixtures/conformance/destination-kit.json'
import { buildDefinition } from '../harness/conformance-definition'
import type { DefinitionDescription } from '../harness/conformance-definition'
import { decode, encode, describeError } from '../harness/conformance-codec'
import { startFakeHost } from '../harness/fake-host'

interface Case {
  name: string
  feature: string
  defect?: string
  definition: DefinitionDescription
  operation: 'onEvent' | 'onBatch' | 'testAuthentication'
  settings: JSONObject
  event?: SegmentEvent
  events?: SegmentEvent[]
  replyStatus?: number
  result?: unknown
  error?: Record<string, unknown>
}

const ENGINE_ERRORS = new Set(['TypeError', 'ReferenceError', 'RangeError', 'SyntaxError', 'URIError', 'EvalError'])

type Outcome = { result: unknown } | { error: Record<string, unknown> }

async function run(c: Case): Promise<Outcome> {
  const settings = decode(c.settings) as JSONObject
  const before = JSON.stringify([c.settings, c.event, c.events])
  const destination = new Destination(buildDefinition(c.definition))
  startFakeHost(c.replyStatus ?? 200)
  try {
    let value: unknown
    if (c.operation === 'onEvent') value = await destination.onEvent(decode(c.event) as SegmentEvent, settings)
    else if (c.operation === 'onBatch') value = await destination.onBatch(decode(c.events) as SegmentEvent[], settings)
    else value = await destination.testAuthentication(settings)
    return { result: encode(value) }
  } catch (error) {
    return { error: describeError(error) }
  } finally {
    nock.cleanAll()
    // The caller's event and settings are never modified.
    expect(JSON.stringify([c.settings, c.event, c.events])).toBe(before)
  }
}

// The sound behaviour expected for the cases the reference gets wrong.
const SOUND: Record<string, (outcome: Outcome, c: Case) => void> = {
  'subscription: FQL with unknown field only': (outcome) => {
    const result = (outcome as { result: Array<{ output: string }> }).result
    expect(result).toHaveLength(1)
    expect(result[0].output).toMatch(/^Invalid subscription : /)
    expect(result[0].output).not.toMatch(/Cannot read properties/)
  },
  'multi-action: invalid FQL next to valid': (outcome, c) => {
    const result = (outcome as { result: Array<{ output: string }> }).result
    expect(result[0].output).toMatch(/^Invalid subscription : /)
    expect(result[0].output).not.toMatch(/Cannot read properties/)
    expect(result.slice(1)).toEqual((c.result as unknown[]).slice(1))
  },
  'basic-auth: basic auth header and search params': (outcome, c) => {
    const expected = JSON.parse(JSON.stringify(c.result).replace('&headers=%5Bobject+Object%5D', ''))
    expect(outcome).toEqual({ result: expected })
  },
  'basic-auth: unicode credentials': (outcome, c) => {
    const expected = JSON.parse(JSON.stringify(c.result).replace('&headers=%5Bobject+Object%5D', ''))
    expect(outcome).toEqual({ result: expected })
  },
  'schema-key: name with spaces and action with fields': (outcome) => {
    expect(outcome).toEqual({
      result: [
        { output: 'Mappings resolved' },
        { output: 'Payload validated' },
        { data: { a: 'Order Completed' }, output: 'Action Executed' }
      ]
    })
  }
}

beforeAll(() => nock.disableNetConnect())
afterAll(() => nock.enableNetConnect())

const all = cases as unknown as Case[]

describe('destination-kit conformance (ordinary cases)', () => {
  for (const c of all.filter((x) => !x.defect)) {
    it(c.name, async () => {
      const outcome = await run(c)
      const expected = c.error ? { error: c.error } : { result: c.result }
      expect(outcome).toEqual(expected)
    })
  }
})

describe('destination-kit conformance (defect cases: sound behaviour)', () => {
  for (const c of all.filter((x) => x.defect)) {
    it(c.name, async () => {
      const outcome = await run(c)
      if ('error' in outcome) expect(ENGINE_ERRORS.has(String(outcome.error.name))).toBe(false)
      const sound = SOUND[c.name]
      expect(sound).toBeDefined()
      sound(outcome, c)
    })
  }
})
