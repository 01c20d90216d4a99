import { generatePlugins } from './generate-plugins'
import { parseSubscriptions, subscriptionProblem } from './parse-subscriptions'
import type { BrowserDestinationDefinition, BrowserDestinationSettings, PluginFactory } from './types'

function checkDefinition(definition: BrowserDestinationDefinition<never, unknown>): void {
  if (typeof definition !== 'object' || definition === null) {
    throw new Error('browserDestination: the definition must be an object')
  }
  if (typeof definition.name !== 'string' || definition.name === '') {
    throw new Error('browserDestination: definition.name must be a non-empty string')
  }
  if (typeof definition.initialize !== 'function') {
    throw new Error(`browserDestination(${definition.name}): definition.initialize must be a function`)
  }
  if (typeof definition.actions !== 'object' || definition.actions === null) {
    throw new Error(`browserDestination(${definition.name}): definition.actions must be an object`)
  }
}

/**
 * Turns a browser destination definition into an Analytics.js 2.0 plugin factory: call it with
 * the destination's settings (subscriptions included) to get the plugins to register.
 */
export function browserDestination<Settings, Client>(
  definition: BrowserDestinationDefinition<Settings, Client>
): PluginFactory {
  checkDefinition(definition as BrowserDestinationDefinition<never, unknown>)
  const factory = async (settings: BrowserDestinationSettings): Promise<ReturnType<typeof generatePlugins>> => {
    if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
      throw new Error(`${definition.name}: settings must be an object`)
    }
    const subscriptions = parseSubscriptions(settings.subscriptions)
    subscriptions.forEach((subscription, index) => {
      const problem = subscriptionProblem(subscription, index)
      if (problem) throw new Error(`${definition.name}: ${problem}`)
    })
    return generatePlugins(definition, settings as unknown as Settings, subscriptions)
  }
  return Object.assign(factory, { pluginName: definition.name })
}
