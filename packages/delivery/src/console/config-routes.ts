// Destinations and their configuration: the registry, instances (add, replace, delete) with masked
// secrets, Test credentials, and the per-subscription counts of the last hour for the list.
import { Destination } from '@action-destinations/core'
import type { EngineConfig } from '../config/types'
import { bodyOf, ConsoleError, isRecord, stringField } from './console-error'
import { currentConfig, findInstance, type ConsoleContext, type ConsoleRoute } from './console-context'
import { destinationManifest, summarize } from './destination-manifest'
import { depthFor, funnels, HOUR, MINUTE, rowsBySubscription, series, subscriptionKey, total } from './funnel'
import { maskSettings, unmaskSettings } from '../safety/secret-settings'
import { withInstance, withoutInstance } from './config-change'
import { instanceRedactor } from './redact-traffic'

const API = '/console-api'

function registryEntry(context: ConsoleContext, key: string) {
  const entry = context.registry.find(key)
  if (!entry) throw new ConsoleError(404, `"${key}" is not a destination in the registry`)
  return entry
}

/** The configuration as the page may see it: write keys and secret settings masked. */
function visibleConfig(context: ConsoleContext, config: EngineConfig) {
  return {
    sources: config.sources.map((source) => ({ name: source.name })),
    destinations: config.destinations.map((instance) => {
      const entry = context.registry.find(instance.destination)
      return {
        ...instance,
        enabled: instance.enabled ?? true,
        destinationName: entry?.definition.name ?? instance.destination,
        settings: maskSettings(instance.settings, entry?.definition.authentication?.fields)
      }
    })
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export function configRoutes(context: ConsoleContext): ConsoleRoute[] {
  const { store, registry } = context

  return [
    {
      method: 'get',
      path: `${API}/registry`,
      handler: async () =>
        registry
          .list()
          .map(summarize)
          .sort((a, b) => a.name.localeCompare(b.name))
    },
    {
      method: 'get',
      path: `${API}/registry/:key`,
      handler: async (req) => destinationManifest(registryEntry(context, String(req.params.key)))
    },
    {
      method: 'get',
      path: `${API}/config`,
      handler: async () => {
        const { version, config } = await currentConfig(context)
        return { version, ...visibleConfig(context, config) }
      }
    },
    {
      // The Destinations view: every instance, and per subscription its last hour.
      method: 'get',
      path: `${API}/destinations`,
      handler: async () => {
        const now = context.now()
        const since = Math.floor((now - HOUR) / MINUTE) * MINUTE + MINUTE
        const [{ version, config }, rows, depths] = await Promise.all([
          currentConfig(context),
          store.counts({ since }),
          store.queueDepths()
        ])
        const byKey = funnels(rows, since)
        const byRows = rowsBySubscription(rows)
        const visible = visibleConfig(context, config)
        return {
          version,
          sources: visible.sources,
          destinations: visible.destinations.map((instance) => ({
            ...instance,
            subscriptions: instance.subscriptions.map((subscription) => {
              const id = subscription.id ?? ''
              const funnel = byKey.get(subscriptionKey(instance.name, id))
              const own = byRows.get(subscriptionKey(instance.name, id)) ?? []
              return {
                ...subscription,
                lastHour: {
                  delivered: funnel?.delivered ?? 0,
                  failed: funnel ? total(funnel.failed) + funnel.failedValidation : 0,
                  series: series(own, since, since + HOUR, 5 * MINUTE)
                },
                ...depthFor(depths, instance.name, id)
              }
            })
          }))
        }
      }
    },
    {
      method: 'post',
      path: `${API}/instances`,
      handler: async (req) => {
        const body = bodyOf(req.body, `POST ${API}/instances`)
        const name = stringField(body, 'name', `POST ${API}/instances`)
        const { config } = await currentConfig(context)
        if (config.destinations.some((other) => other.name === name)) {
          throw new ConsoleError(409, `name: an instance named "${name}" exists already`)
        }
        return { version: await store.saveConfig(withInstance(config, name, body, registry)), name }
      }
    },
    {
      method: 'put',
      path: `${API}/instances/:name`,
      handler: async (req) => {
        const name = String(req.params.name)
        const route = `PUT ${API}/instances/${name}`
        const body = bodyOf(req.body, route)
        const { config } = await currentConfig(context)
        findInstance(config, name)
        // The name identifies the instance's jobs, counters and log: it stays.
        if (body.name !== undefined && body.name !== name) {
          throw new ConsoleError(400, `name: an instance cannot be renamed ("${name}"); add a new one instead`)
        }
        return { version: await store.saveConfig(withInstance(config, name, body, registry)), name }
      }
    },
    {
      method: 'delete',
      path: `${API}/instances/:name`,
      handler: async (req) => {
        const { config } = await currentConfig(context)
        return { version: await store.saveConfig(withoutInstance(config, String(req.params.name))) }
      }
    },
    {
      // Runs the destination's testAuthentication; an existing instance's masked secrets are used as stored.
      method: 'post',
      path: `${API}/test-credentials`,
      handler: async (req) => {
        const route = `POST ${API}/test-credentials`
        const body = bodyOf(req.body, route)
        const entry = registryEntry(context, stringField(body, 'destination', route))
        if (!isRecord(body.settings)) throw new ConsoleError(400, `${route}: "settings" must be an object`)
        let stored: Record<string, unknown> | undefined
        if (typeof body.instance === 'string') {
          stored = findInstance((await currentConfig(context)).config, body.instance).settings
        }
        const settings = unmaskSettings(body.settings, stored) as Record<string, unknown>
        try {
          await new Destination(entry.definition).testAuthentication(settings)
          return { ok: true, message: 'Credentials are valid' }
        } catch (error) {
          // A destination's error may quote what it was given; stored secrets are not shown back.
          return { ok: false, message: instanceRedactor(entry, { settings }).text(errorText(error)) }
        }
      }
    }
  ]
}
