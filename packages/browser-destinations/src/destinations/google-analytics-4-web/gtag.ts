/** The gtag.js command function: `gtag('config' | 'event' | 'set' | 'js', ...)`. */
export type Gtag = (command: string, ...args: unknown[]) => void

declare global {
  interface Window {
    dataLayer?: unknown[]
    gtag?: Gtag
  }
}

export const DEFAULT_GTAG_URL = 'https://www.googletagmanager.com/gtag/js'

/**
 * The page's gtag function, defined the way Google's snippet defines it when the page has none:
 * gtag.js reads commands from `dataLayer` and only treats `arguments` objects as commands.
 */
export function installGtag(): Gtag {
  window.dataLayer = window.dataLayer ?? []
  if (typeof window.gtag === 'function') return window.gtag
  const gtag: Gtag = function gtag() {
    // eslint-disable-next-line prefer-rest-params
    ;(window.dataLayer as unknown[]).push(arguments)
  }
  window.gtag = gtag
  return gtag
}

/** The gtag.js URL for a measurement id, from `base` (overridable to serve a local copy). */
export function gtagUrl(base: string | undefined, measurementId: string): string {
  const root = base && base.trim() !== '' ? base : DEFAULT_GTAG_URL
  const separator = root.includes('?') ? '&' : '?'
  return `${root}${separator}id=${encodeURIComponent(measurementId)}`
}
