import { api } from './api'
import type { SavedSubscription } from './types'

/** Offers the subscriptions as a `subscriptions.json` download, in the saved format. */
export function downloadSubscriptions(list: SavedSubscription[]): void {
  const blob = new Blob([JSON.stringify(list, null, 2) + '\n'], { type: 'application/json' })
  const link = document.createElement('a')
  link.href = URL.createObjectURL(blob)
  link.download = 'subscriptions.json'
  link.click()
  URL.revokeObjectURL(link.href)
}

/** Reads a chosen file and saves it through the server, which checks every entry first. */
export async function importSubscriptions(chosen: File): Promise<SavedSubscription[]> {
  const text = await chosen.text()
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new Error(`${chosen.name} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  return (await api.saveSubscriptions(parsed as SavedSubscription[])).subscriptions
}
