import type { Context, LogLevel } from './types'

/**
 * Records a plugin's failure on the event's context the way analytics-next records the errors it
 * catches (a `plugin Error` log entry with the plugin and the error, and a `plugin_error`
 * counter), so the event carries the problem and goes on to the other plugins.
 */
export function reportError(ctx: Context, plugin: string, error: unknown, level: LogLevel = 'error'): void {
  try {
    ctx.log(level, 'plugin Error', { plugin, error })
    ctx.stats.increment('plugin_error', 1, [`plugin:${plugin}`])
  } catch {
    // A host context without logs or stats must not turn a reported error into a thrown one.
  }
}
