// What every console route is given.
import type { Request } from 'express'
import type { DestinationRegistry } from '../config/registry'
import type { DestinationInstanceConfig, EngineConfig } from '../config/types'
import type { Store } from '../store/store'
import { ConsoleError } from './console-error'

export interface ConsoleOptions {
  store: Store
  registry: DestinationRegistry
  /** The interface the engine listens on: beyond loopback, the console asks for the admin token. */
  listenHost: string
  /** More host names the page may be reached by (a reverse proxy's name, for example). */
  allowedHosts?: string[]
  /** The engine's admin token (a function when it is generated after the console is made). */
  adminToken?: string | (() => string | undefined)
  /** The built page (index.html and assets/); without it GET / answers 503 with how to build it. */
  staticDir?: string
  now?: () => number
  /** How often the live debugger looks for new events (default 500 ms). */
  pollMs?: number
}

export interface ConsoleContext {
  store: Store
  registry: DestinationRegistry
  now: () => number
}

export interface ConsoleRoute {
  method: 'get' | 'post' | 'put' | 'delete'
  path: string
  handler: (req: Request) => Promise<unknown>
}

export async function currentConfig(context: ConsoleContext): Promise<{ version: number; config: EngineConfig }> {
  const stored = await context.store.loadConfig()
  return stored
    ? { version: stored.version, config: stored.config }
    : { version: 0, config: { sources: [], destinations: [] } }
}

export function findInstance(config: EngineConfig, name: string): DestinationInstanceConfig {
  const instance = config.destinations.find((candidate) => candidate.name === name)
  if (!instance) throw new ConsoleError(404, `no destination instance is named "${name}"`)
  return instance
}

/** Subscription names by "instance/id", for lists that carry only ids. */
export function subscriptionNames(config: EngineConfig): Map<string, string> {
  const names = new Map<string, string>()
  for (const instance of config.destinations) {
    for (const subscription of instance.subscriptions)
      names.set(`${instance.name}/${subscription.id ?? ''}`, subscription.name)
  }
  return names
}
