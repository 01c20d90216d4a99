import path from 'path'
import { loadCore, type RuntimeDestination } from '../core-runtime'
import { forgetModulesUnder, loadDefinitionFile } from '../load-typescript'
import { debugLog } from './debug-log'
import { SUBSCRIPTIONS_FILE_NAME } from './tester/saved-subscriptions'

export interface LiveDestination {
  /** The destination as of the last successful load. */
  current(): RuntimeDestination
  /** Another instance of the current definition, for a request running beside others. */
  createInstance(template: RuntimeDestination): RuntimeDestination
  /** Reads the files again; keeps the previous destination when the new code fails to load. */
  reload(): void
  close(): Promise<void>
}

export interface LiveDestinationOptions {
  watch?: boolean
  /** Told after each reload attempt, with the error when it failed. */
  onReload?: (error?: Error) => void
  debounceMs?: number
}

/** Loads a destination's index.ts and, when asked, reloads it in-process whenever its folder changes. */
export async function openLiveDestination(
  entryFile: string,
  options: LiveDestinationOptions = {}
): Promise<LiveDestination> {
  const core = loadCore()
  const file = path.resolve(entryFile)
  const folder = path.dirname(file)
  let destination = core.createDestination(loadDefinitionFile(file))
  // Loading is synchronous (require), so a request never sees half a reload: in-flight requests
  // keep the instance they were lent, new ones get the new code.
  const reload = (): void => {
    try {
      forgetModulesUnder(folder)
      destination = core.createDestination(loadDefinitionFile(file))
      debugLog.reload('reloaded %s', file)
      options.onReload?.()
    } catch (error) {
      debugLog.reload('reload of %s failed: %O', file, error)
      options.onReload?.(error instanceof Error ? error : new Error(String(error)))
    }
  }
  let close = async (): Promise<void> => undefined
  if (options.watch) {
    const { watch } = await import('chokidar')
    const watcher = watch(folder, {
      ignoreInitial: true,
      // The tester's saved subscriptions are data, not code: saving them must not reload.
      ignored: (candidate: string) =>
        candidate.includes(`${path.sep}node_modules`) || path.basename(candidate).includes(SUBSCRIPTIONS_FILE_NAME)
    })
    let timer: NodeJS.Timeout | undefined
    // Editors write in bursts; one reload per burst.
    watcher.on('all', (event, changed) => {
      debugLog.reload('%s %s', event, changed)
      if (timer) clearTimeout(timer)
      timer = setTimeout(reload, options.debounceMs ?? 100)
    })
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
    close = async () => {
      if (timer) clearTimeout(timer)
      await watcher.close()
    }
  }
  return {
    current: () => destination,
    createInstance: (template) => core.createDestination(template.definition),
    reload,
    close: () => close()
  }
}
