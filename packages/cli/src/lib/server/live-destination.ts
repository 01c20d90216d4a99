import path from 'path'
import { loadCore, type RuntimeDestination } from '../core-runtime'
import { forgetModulesUnder, loadDefinitionFile } from '../load-typescript'
import { SUBSCRIPTIONS_FILE_NAME } from './tester/saved-subscriptions'

export interface LiveDestination {
  /** The destination as of the last successful load. */
  current(): RuntimeDestination
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
  const reload = (): void => {
    try {
      forgetModulesUnder(folder)
      destination = core.createDestination(loadDefinitionFile(file))
      options.onReload?.()
    } catch (error) {
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
    watcher.on('all', () => {
      if (timer) clearTimeout(timer)
      timer = setTimeout(reload, options.debounceMs ?? 100)
    })
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
    close = async () => {
      if (timer) clearTimeout(timer)
      await watcher.close()
    }
  }
  return { current: () => destination, reload, close: () => close() }
}
