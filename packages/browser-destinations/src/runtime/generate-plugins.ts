import { compileSubscription, type CompiledSubscription } from './compile-subscription'
import { loadScript } from './load-script'
import { missingRequiredFields } from './missing-required-fields'
import { isEnabled, subscriptionProblem } from './parse-subscriptions'
import { reportError } from './report-error'
import { resolveWhen } from './resolve-when'
import { sharedInitializer, type SharedInitializer } from './shared-initializer'
import type { BrowserActionDefinition, BrowserDestinationDefinition, Context, Plugin, Subscription } from './types'

const PLUGIN_VERSION = '0.1.0'

interface ActionSubscriptions {
  compiled: CompiledSubscription[]
  /** Subscriptions of this action that could not be compiled, reported when the plugin loads. */
  problems: string[]
}

/** Compiles, once, the enabled subscriptions of each action, keyed by action. */
function subscriptionsByAction(subscriptions: readonly unknown[]): Map<string, ActionSubscriptions> {
  const byAction = new Map<string, ActionSubscriptions>()
  subscriptions.forEach((value, index) => {
    const problem = subscriptionProblem(value, index)
    // A malformed entry cannot be attributed to an action; `browserDestination` rejects those first.
    if (problem) return
    const subscription = value as Subscription
    if (!isEnabled(subscription)) return
    const entry = byAction.get(subscription.partnerAction) ?? { compiled: [], problems: [] }
    byAction.set(subscription.partnerAction, entry)
    try {
      entry.compiled.push(compileSubscription(subscription, `settings.subscriptions[${index}]`))
    } catch (error) {
      entry.problems.push(error instanceof Error ? error.message : String(error))
    }
  })
  return byAction
}

function actionPlugin<Settings, Client>(
  definition: BrowserDestinationDefinition<Settings, Client>,
  key: string,
  action: BrowserActionDefinition<Settings, Client, unknown>,
  settings: Settings,
  subscriptions: ActionSubscriptions,
  initializer: SharedInitializer<Client>
): Plugin {
  const name = `${definition.name} ${key}`

  async function runSubscription(ctx: Context, client: Client, entry: CompiledSubscription): Promise<void> {
    try {
      if (!entry.matches(ctx.event)) return
      const payload = entry.resolve(ctx.event)
      const missing = missingRequiredFields(action.fields, payload)
      if (missing.length > 0) {
        const fields = missing.map((field) => `"${field}"`).join(', ')
        reportError(ctx, name, new Error(`${name}: skipped, the payload lacks the required field(s) ${fields}`), 'warn')
        return
      }
      const analytics = initializer.analytics()
      if (!analytics) throw new Error(`${name}: no analytics instance (load() was not called)`)
      await action.perform(client, { payload, mapping: entry.mapping, settings, analytics, context: ctx })
    } catch (error) {
      // One failing subscription must not stop the others, the event, or the page.
      reportError(ctx, name, error)
    }
  }

  async function handle(ctx: Context): Promise<Context> {
    const starting = initializer.started()
    if (!starting) {
      reportError(ctx, name, new Error(`${name}: received a "${ctx.event.type}" event before load()`))
      return ctx
    }
    let client: Client
    try {
      client = await starting
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      reportError(ctx, name, new Error(`${name}: skipped, the destination failed to initialize: ${reason}`), 'warn')
      return ctx
    }
    await Promise.all(subscriptions.compiled.map((entry) => runSubscription(ctx, client, entry)))
    return ctx
  }

  return {
    name,
    // Lets `integrations: { '<destination name>': false }` switch off every action of the destination.
    alternativeNames: [definition.name],
    version: PLUGIN_VERSION,
    type: action.lifecycleHook ?? 'destination',
    isLoaded: () => initializer.isLoaded(),
    ready: async () => {
      await initializer.started()?.catch(() => undefined)
    },
    load: async (ctx, analytics) => {
      for (const problem of subscriptions.problems) reportError(ctx, name, new Error(problem))
      try {
        await initializer.start(analytics)
      } catch (error) {
        reportError(ctx, name, error)
        // Rejecting is how a plugin tells analytics-next it did not load: it drops this plugin only.
        throw error
      }
    },
    track: handle,
    page: handle,
    identify: handle,
    alias: handle,
    group: handle
  }
}

/**
 * One plugin per action that has enabled subscriptions, all sharing one run of `initialize`.
 * Subscriptions are compiled here, once: FQL to predicates, mappings to resolvers.
 */
export function generatePlugins<Settings, Client>(
  definition: BrowserDestinationDefinition<Settings, Client>,
  settings: Settings,
  subscriptions: readonly unknown[]
): Plugin[] {
  const byAction = subscriptionsByAction(subscriptions)
  const initializer = sharedInitializer(definition, settings, { loadScript, resolveWhen })
  const plugins: Plugin[] = []
  for (const [key, action] of Object.entries(definition.actions)) {
    const entry = byAction.get(key)
    if (!entry) continue
    plugins.push(actionPlugin(definition, key, action, settings, entry, initializer))
  }
  return plugins
}
