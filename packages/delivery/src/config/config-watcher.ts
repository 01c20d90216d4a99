// Keeps the process's view of the configuration current: polls the store's version (cheap) and
// reloads when it moved, whoever changed it (this process's admin API, another process, a refreshed
// OAuth token). Listeners rebuild what depends on it (the router).
import type { Store } from '../store/store'
import type { EngineConfig } from './types'

export const DEFAULT_CONFIG_POLL_MS = 250

export interface ConfigWatcher {
  current(): EngineConfig
  version(): number
  /** Reloads now if the store's version moved (the admin API calls it after a change). */
  refresh(): Promise<void>
  stop(): void
}

export interface ConfigWatcherOptions {
  store: Store
  initial: { config: EngineConfig; version: number }
  pollMs?: number
  onChange: (config: EngineConfig, version: number) => void
  onError: (error: unknown) => void
}

export function watchConfig(options: ConfigWatcherOptions): ConfigWatcher {
  let config = options.initial.config
  let version = options.initial.version
  let running: Promise<void> | undefined
  let stopped = false

  async function reload(): Promise<void> {
    const latest = await options.store.configVersion()
    if (latest === version) return
    const stored = await options.store.loadConfig()
    if (!stored || stored.version === version) return
    config = stored.config
    version = stored.version
    options.onChange(config, version)
  }

  function refresh(): Promise<void> {
    // One reload at a time; a caller during a reload waits for it and then checks again.
    const next = (running ?? Promise.resolve()).then(reload)
    running = next.catch(() => undefined)
    return next
  }

  const timer = setInterval(() => {
    if (!stopped) refresh().catch(options.onError)
  }, options.pollMs ?? DEFAULT_CONFIG_POLL_MS)
  timer.unref()

  return {
    current: () => config,
    version: () => version,
    refresh,
    stop() {
      stopped = true
      clearInterval(timer)
    }
  }
}
