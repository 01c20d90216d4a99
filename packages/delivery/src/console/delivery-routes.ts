// Delivery as people read it: the funnel per subscription (last hour and day, with trends), the
// event log of attempts (secrets blanked), and dead letters with replay.
import { bodyOf, ConsoleError, isRecord, queryInt, queryText } from './console-error'
import { maskWriteKeys } from './event-view'
import { currentConfig, subscriptionNames, type ConsoleContext, type ConsoleRoute } from './console-context'
import {
  DAY,
  depthFor,
  emptyFunnel,
  funnels,
  HOUR,
  MINUTE,
  rowsBySubscription,
  series,
  subscriptionKey
} from './funnel'
import { Redactor } from '../safety/redactor'
import { instanceRedactor, redactAttempt } from './redact-traffic'

const API = '/console-api'

/** A dead letter's event with any write key a client put in it masked. */
function maskedBody(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body)
    return isRecord(parsed) ? JSON.stringify(maskWriteKeys(parsed)) : body
  } catch {
    return body
  }
}
const MAX_REPLAY_IDS = 10_000

export function deliveryRoutes(context: ConsoleContext): ConsoleRoute[] {
  const { store, registry } = context

  return [
    {
      method: 'get',
      path: `${API}/overview`,
      handler: async (req) => {
        const instance = queryText(req.query.instance, 'instance')
        const subscriptionId = queryText(req.query.subscriptionId, 'subscriptionId')
        const period = queryText(req.query.period, 'period') ?? 'hour'
        if (period !== 'hour' && period !== 'day') {
          throw new ConsoleError(400, 'query parameter "period" must be "hour" or "day"')
        }
        // The last hour per minute, or the last day per hour: only that period's rows are read.
        const now = context.now()
        const [length, step] = period === 'hour' ? [HOUR, MINUTE] : [DAY, HOUR]
        const start = Math.floor((now - length) / step) * step + step
        const [{ config }, rows, depths] = await Promise.all([
          currentConfig(context),
          store.counts({ since: start, instance, subscriptionId }),
          store.queueDepths()
        ])
        const byKey = funnels(rows, start)
        const rowsByKey = rowsBySubscription(rows)
        const subscriptions = config.destinations
          .filter((candidate) => instance === undefined || candidate.name === instance)
          .flatMap((candidate) =>
            candidate.subscriptions
              .filter((subscription) => subscriptionId === undefined || subscription.id === subscriptionId)
              .map((subscription) => {
                const id = subscription.id ?? ''
                const key = subscriptionKey(candidate.name, id)
                return {
                  instance: candidate.name,
                  subscriptionId: id,
                  name: subscription.name,
                  enabled: subscription.enabled && candidate.enabled !== false,
                  funnel: byKey.get(key) ?? emptyFunnel(),
                  series: series(rowsByKey.get(key) ?? [], start, start + length, step),
                  ...depthFor(depths, candidate.name, id)
                }
              })
          )
        return { now, period, subscriptions }
      }
    },
    {
      method: 'get',
      path: `${API}/attempts`,
      handler: async (req) => {
        const instance = queryText(req.query.instance, 'instance')
        const attempts = await store.recentAttempts({
          instance,
          subscriptionId: queryText(req.query.subscriptionId, 'subscriptionId'),
          limit: queryInt(req.query.limit, 'limit', 50, 1, 500),
          beforeId: queryText(req.query.beforeId, 'beforeId')
        })
        const { config } = await currentConfig(context)
        const redactors = new Map<string, Redactor>()
        for (const candidate of config.destinations) {
          redactors.set(candidate.name, instanceRedactor(registry.find(candidate.destination), candidate))
        }
        // An instance removed since: its attempts still get the name rules.
        const byNameOnly = new Redactor()
        const names = subscriptionNames(config)
        return attempts.map((attempt) => ({
          ...redactAttempt(attempt, redactors.get(attempt.instance) ?? byNameOnly),
          subscriptionName: names.get(`${attempt.instance}/${attempt.subscriptionId}`)
        }))
      }
    },
    {
      method: 'get',
      path: `${API}/dead-letters`,
      handler: async (req) => {
        const before =
          req.query.before === undefined
            ? undefined
            : queryInt(req.query.before, 'before', 0, 0, Number.MAX_SAFE_INTEGER)
        const letters = await store.listDeadLetters({
          instance: queryText(req.query.instance, 'instance'),
          subscriptionId: queryText(req.query.subscriptionId, 'subscriptionId'),
          limit: queryInt(req.query.limit, 'limit', 100, 1, 1000),
          before
        })
        const names = subscriptionNames((await currentConfig(context)).config)
        return letters.map((letter) => ({
          ...letter,
          body: maskedBody(letter.body),
          subscriptionName: names.get(`${letter.instance}/${letter.subscriptionId}`)
        }))
      }
    },
    {
      // One, a selection ({ jobIds }) or all ({ all: true }, optionally of one instance or subscription).
      method: 'post',
      path: `${API}/dead-letters/replay`,
      handler: async (req) => {
        const route = `POST ${API}/dead-letters/replay`
        const body = bodyOf(req.body, route)
        const now = context.now()
        if (Array.isArray(body.jobIds)) {
          const ids = body.jobIds
          if (
            ids.length === 0 ||
            ids.length > MAX_REPLAY_IDS ||
            !ids.every((id) => typeof id === 'string' && id !== '')
          ) {
            throw new ConsoleError(400, `${route}: "jobIds" must hold 1 to ${MAX_REPLAY_IDS} job ids (strings)`)
          }
          return { replayed: await store.replayDeadLetters({ jobIds: ids as string[] }, now) }
        }
        if (body.all === true) {
          const scope = { instance: body.instance, subscriptionId: body.subscriptionId }
          for (const [key, value] of Object.entries(scope)) {
            if (value !== undefined && typeof value !== 'string')
              throw new ConsoleError(400, `${route}: "${key}" must be a string`)
          }
          return {
            replayed: await store.replayDeadLetters(
              {
                all: true,
                instance: scope.instance as string | undefined,
                subscriptionId: scope.subscriptionId as string | undefined
              },
              now
            )
          }
        }
        throw new ConsoleError(400, `${route}: the body must be { "jobIds": [...] } or { "all": true }`)
      }
    }
  ]
}
