import type { JSONObject } from '../../json-object'
import { getAuthData } from '../parse-settings'
import type { AuthTokens } from '../parse-settings'
import { prepareSubscription, subscriptionsOf } from '../subscriptions'
import type { PreparedSubscription } from '../subscriptions'
import { matchesSnapshot, snapshotSettings } from '../settings-snapshot'
import type { SettingsSnapshot } from '../settings-snapshot'
import { isRecord } from '../is-record'

// Settings prepared most recently, compared by content with new settings objects.
const RECENT_SETTINGS = 4

// Everything derived from one settings object, built on first use and reused while the object
// is unchanged (top-level values are compared on every call).
export interface PreparedSettings {
  readonly source: JSONObject
  readonly keys: string[]
  readonly values: unknown[]
  readonly subscriptions: PreparedSubscription[]
  readonly auth: AuthTokens
  /** What the settings held when prepared, for new objects with the same content. */
  readonly snapshot: SettingsSnapshot | undefined
  validated?: JSONObject
}

/** Prepared settings of one destination, found by the settings object's identity or recent content. */
export class PreparedSettingsCache {
  private readonly byObject = new WeakMap<object, PreparedSettings>()
  private readonly recent: PreparedSettings[] = []

  prepare(settings: JSONObject): PreparedSettings {
    if (!isRecord(settings)) settings = {}
    const cached = this.byObject.get(settings)
    if (cached && unchanged(cached, settings)) return cached
    // A new object with the content of recent settings (built or parsed per event): reused
    // without a WeakMap entry per event, whose upkeep would cost the collector more than the match.
    // Only entries whose validated settings exist: those were derived in the call that took the
    // snapshot, before the caller could change the object they came from.
    const recent = this.recent
    for (let i = 0; i < recent.length; i++) {
      const { snapshot, validated } = recent[i]
      if (snapshot !== undefined && validated !== undefined && matchesSnapshot(settings, snapshot)) return recent[i]
    }
    const keys = Object.keys(settings)
    const prepared: PreparedSettings = {
      source: settings,
      keys,
      values: keys.map((key) => settings[key]),
      subscriptions: subscriptionsOf(settings).map(prepareSubscription),
      auth: getAuthData(settings),
      snapshot: snapshotSettings(settings)
    }
    this.byObject.set(settings, prepared)
    if (recent.length >= RECENT_SETTINGS) recent.pop()
    recent.unshift(prepared)
    return prepared
  }
}

function unchanged(prepared: PreparedSettings, settings: JSONObject): boolean {
  const { keys, values } = prepared
  for (let i = 0; i < keys.length; i++) if (settings[keys[i]] !== values[i]) return false
  return true
}
