// The debugger: recent events (newest first, filtered by type and name), one event with its
// matched subscriptions and delivery outcomes, and the tests of conditions and mappings on them.
import {
  bodyOf,
  ConsoleError,
  isRecord,
  objectField,
  queryInt,
  queryText,
  stringField,
  type JsonRecord
} from './console-error'
import { currentConfig, subscriptionNames, type ConsoleContext, type ConsoleRoute } from './console-context'
import { checkMapping, conditionMatcher } from './mapping-check'
import { maskWriteKeys } from './event-view'

const API = '/console-api'
const TYPES = new Set(['track', 'identify', 'page', 'screen', 'group', 'alias'])

function parseBody(body: string, id: string): JsonRecord {
  try {
    const parsed: unknown = JSON.parse(body)
    if (isRecord(parsed)) return parsed
  } catch {
    // Reported below.
  }
  throw new ConsoleError(500, `event ${id}: its stored body is not a JSON object`)
}

export function eventRoutes(context: ConsoleContext): ConsoleRoute[] {
  const { store, registry } = context

  const loadEvent = async (id: string) => {
    const found = await store.getEvent(id)
    if (!found) throw new ConsoleError(404, `no stored event has the id or messageId "${id}"`)
    return { ...found, event: maskWriteKeys(parseBody(found.body, id)) }
  }

  return [
    {
      method: 'get',
      path: `${API}/events`,
      handler: async (req) => {
        const type = queryText(req.query.type, 'type')
        if (type !== undefined && !TYPES.has(type)) {
          throw new ConsoleError(400, `query parameter "type" must be one of ${[...TYPES].join(', ')}`)
        }
        return store.recentEvents({
          limit: queryInt(req.query.limit, 'limit', 100, 1, 500),
          type,
          name: queryText(req.query.name, 'name'),
          source: queryText(req.query.source, 'source'),
          beforeId: queryText(req.query.beforeId, 'beforeId')
        })
      }
    },
    {
      method: 'get',
      path: `${API}/events/:id`,
      handler: async (req) => {
        const { summary, event, jobs } = await loadEvent(String(req.params.id))
        const { config } = await currentConfig(context)
        const names = subscriptionNames(config)
        return {
          summary,
          event,
          jobs: jobs.map((job) => ({ ...job, subscriptionName: names.get(`${job.instance}/${job.subscriptionId}`) }))
        }
      }
    },
    {
      // How many of the last 100 received events the conditions match, and which.
      method: 'post',
      path: `${API}/test-conditions`,
      handler: async (req) => {
        const route = `POST ${API}/test-conditions`
        const body = bodyOf(req.body, route)
        const matches = conditionMatcher(stringField(body, 'fql', route))
        const source = body.source === undefined ? undefined : stringField(body, 'source', route)
        const recent = await store.recentEvents({ limit: 100, source })
        const matched = []
        for (const summary of recent) {
          const found = await store.getEvent(summary.id)
          if (found && matches(parseBody(found.body, summary.id))) matched.push(summary)
        }
        return { tested: recent.length, matched: matched.length, events: matched }
      }
    },
    {
      // The mapping resolved on a stored event (by id) or a given one, checked against the action's fields.
      method: 'post',
      path: `${API}/test-mapping`,
      handler: async (req) => {
        const route = `POST ${API}/test-mapping`
        const body = bodyOf(req.body, route)
        const destination = stringField(body, 'destination', route)
        const entry = registry.find(destination)
        if (!entry) throw new ConsoleError(404, `destination: "${destination}" is not in the registry`)
        const mapping = objectField(body, 'mapping', route)
        const event =
          typeof body.eventId === 'string' ? (await loadEvent(body.eventId)).event : objectField(body, 'event', route)
        return checkMapping(entry, stringField(body, 'action', route), mapping, event)
      }
    }
  ]
}
