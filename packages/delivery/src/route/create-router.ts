// Routing at ingest: every subscription of every instance listening to the event's source decides,
// through its compiled FQL, whether the event becomes a delivery job. Everything that does not
// depend on the event (FQL predicates, batch plans, which instances listen to which source) is
// worked out once per configuration.
//
// Counters per subscription (see the README, "Routing"):
// - `filtered_disabled`: the instance or the subscription is disabled;
// - `received`: the event reached an enabled subscription of an enabled instance (whatever its
//   conditions say), so `received = filtered_no_match + jobs made`;
// - `filtered_no_match`: received, but the subscription's conditions do not match.
import { compileFql, parseFql } from '@action-destinations/destination-subscriptions'
import type { DestinationRegistry } from '../config/registry'
import type { EngineConfig } from '../config/types'
import type { CountDelta, CountMetric, JobSpec } from '../store/types'
import { batchPlanFor } from './batch-plan'
import type { RouteDecision, Router } from './types'

type Predicate = (event: Record<string, unknown>) => boolean

interface RoutedSubscription {
  instance: string
  subscriptionId: string
  action: string
  /** False when the instance or the subscription is disabled. */
  enabled: boolean
  matches: Predicate
  groupKey: (event: Record<string, unknown>) => string
}

const NEVER: Predicate = () => false

/** The FQL as a predicate; a query that does not parse matches nothing (config validation reports it). */
function predicateOf(fql: string): Predicate {
  const ast = parseFql(fql)
  if ('error' in ast) return NEVER
  // An AST compiles to generated code at once (a string would start with closures).
  const predicate = compileFql(ast) as unknown as Predicate
  return (event) => {
    try {
      return predicate(event) === true
    } catch {
      return false
    }
  }
}

function subscriptionsBySource(config: EngineConfig, registry: DestinationRegistry): Map<string, RoutedSubscription[]> {
  const bySource = new Map<string, RoutedSubscription[]>()
  for (const instance of config.destinations) {
    const definition = registry.find(instance.destination)?.definition
    const instanceEnabled = instance.enabled !== false
    const routed: RoutedSubscription[] = []
    for (const subscription of instance.subscriptions) {
      const enabled = instanceEnabled && subscription.enabled
      const action = definition?.actions[subscription.partnerAction]
      routed.push({
        instance: instance.name,
        subscriptionId: subscription.id ?? subscription.name,
        action: subscription.partnerAction,
        enabled,
        matches: enabled ? predicateOf(subscription.subscribe) : NEVER,
        groupKey: batchPlanFor(action, subscription.mapping).groupKey
      })
    }
    for (const source of new Set(instance.sources)) {
      const list = bySource.get(source) ?? []
      for (const entry of routed) list.push(entry)
      bySource.set(source, list)
    }
  }
  return bySource
}

function delta(entry: RoutedSubscription, metric: CountMetric): CountDelta {
  return { instance: entry.instance, subscriptionId: entry.subscriptionId, metric, count: 1 }
}

export function createRouter(config: EngineConfig, registry: DestinationRegistry): Router {
  const bySource = subscriptionsBySource(config, registry)
  return {
    route(source: string, event: Record<string, unknown>): RouteDecision {
      const entries = bySource.get(source)
      if (entries === undefined) return { jobs: [], counts: [] }
      const jobs: JobSpec[] = []
      const counts: CountDelta[] = []
      for (const entry of entries) {
        if (!entry.enabled) {
          counts.push(delta(entry, 'filtered_disabled'))
          continue
        }
        counts.push(delta(entry, 'received'))
        if (!entry.matches(event)) {
          counts.push(delta(entry, 'filtered_no_match'))
          continue
        }
        jobs.push({
          instance: entry.instance,
          subscriptionId: entry.subscriptionId,
          action: entry.action,
          groupKey: entry.groupKey(event)
        })
      }
      return { jobs, counts }
    }
  }
}
