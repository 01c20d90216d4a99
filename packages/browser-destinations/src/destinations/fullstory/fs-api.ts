/** FullStory's browser API v2: `FS(operation, options)`, e.g. `FS('trackEvent', { name, properties })`. */
export interface FullStoryApi {
  (operation: string, options?: object, source?: string): void
  /** Calls made before fs.js ran; fs.js replays them, removes the queue and sets `_api`. */
  q?: unknown[][]
  _api?: (operation: string, options?: object, source?: string) => void
}

declare global {
  interface Window {
    _fs_host?: string
    _fs_script?: string
    _fs_org?: string
    _fs_namespace?: string
    FS?: FullStoryApi
  }
}

export const DEFAULT_FS_SCRIPT_URL = 'https://edge.fullstory.com/s/fs.js'
export const FS_HOST = 'fullstory.com'
export const FS_NAMESPACE = 'FS'

/** Tells the API calls from this integration apart in FullStory. */
export const SOURCE = 'segment-browser-actions'

/**
 * Declares the org and namespace fs.js reads, and a queueing `FS` until fs.js replaces it — what
 * FullStory's snippet does before its script tag.
 */
export function installFullStory(orgId: string, scriptUrl: string): FullStoryApi {
  window._fs_host = window._fs_host ?? FS_HOST
  window._fs_script = scriptUrl.replace(/^https?:\/\//, '')
  window._fs_org = orgId
  window._fs_namespace = FS_NAMESPACE
  if (typeof window.FS === 'function') return window.FS
  const api: FullStoryApi = (operation, options, source) => {
    // Until fs.js runs, calls wait in the queue; then they go to the `_api` it installs.
    if (api.q) api.q.push([operation, options, source])
    else api._api?.(operation, options, source)
  }
  api.q = []
  window.FS = api
  // Always call the page's current `FS`, in case another copy of fs.js replaced the function.
  return (operation, options, source) => (window.FS ?? api)(operation, options, source)
}
