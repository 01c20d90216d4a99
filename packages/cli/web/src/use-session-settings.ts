import { useEffect, useState } from 'preact/hooks'
import { loadSessionSettings, saveSessionSettings } from './session-settings'
import type { Manifest } from './types'

/** The settings form's values, restored from and saved to the tab's sessionStorage per destination. */
export function useSessionSettings(manifest: Manifest | null) {
  const [settings, setSettings] = useState<Record<string, unknown>>({})
  const [keepPasswords, setKeepPasswords] = useState(false)
  const [loadedFor, setLoadedFor] = useState<string | null>(null)
  const key = manifest ? (manifest.destination.slug ?? manifest.destination.name) : null

  useEffect(() => {
    if (!manifest || key === null) return
    const saved = loadSessionSettings(key, manifest.destination.settings)
    setSettings(saved.settings)
    setKeepPasswords(saved.keepPasswords)
    setLoadedFor(key)
  }, [key])

  useEffect(() => {
    // Not before the saved values are read back, or the empty form would overwrite them.
    if (!manifest || key === null || loadedFor !== key) return
    saveSessionSettings(key, manifest.destination.settings, { settings, keepPasswords })
  }, [settings, keepPasswords, loadedFor])

  return { settings, setSettings, keepPasswords, setKeepPasswords }
}
