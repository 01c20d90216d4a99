// Adds a vendor <script> to the page once per URL: every caller of the same `src` shares one
// element and one promise, and a script that fails to load rejects with its URL.

const pending = new Map<string, Promise<HTMLScriptElement>>()

function absolute(src: string): string {
  try {
    return new URL(src, document.baseURI).href
  } catch {
    return src
  }
}

function existingScript(url: string): HTMLScriptElement | undefined {
  return Array.from(document.querySelectorAll('script')).find((script) => script.src === url)
}

/** Loads `src` with `attributes` set on the element; resolves with the element once it ran. */
export function loadScript(src: string, attributes: Record<string, string> = {}): Promise<HTMLScriptElement> {
  if (typeof src !== 'string' || src.trim() === '') {
    return Promise.reject(new Error(`loadScript: src must be a non-empty URL string, got ${JSON.stringify(src)}`))
  }
  const url = absolute(src)
  const known = pending.get(url)
  if (known) return known

  const loading = new Promise<HTMLScriptElement>((resolve, reject) => {
    const previous = existingScript(url)
    // A script the page added itself (or a loaded one of ours) has run already.
    if (previous && previous.getAttribute('data-load-status') !== 'loading') return resolve(previous)
    const script = previous ?? document.createElement('script')
    script.addEventListener('load', () => {
      script.setAttribute('data-load-status', 'loaded')
      resolve(script)
    })
    script.addEventListener('error', () => {
      script.setAttribute('data-load-status', 'failed')
      reject(new Error(`loadScript: failed to load ${url}`))
    })
    if (previous) return
    script.type = 'text/javascript'
    script.async = true
    for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value)
    script.setAttribute('data-load-status', 'loading')
    script.src = url
    const anchor = document.getElementsByTagName('script')[0]
    if (anchor && anchor.parentNode) anchor.parentNode.insertBefore(script, anchor)
    else (document.head ?? document.documentElement).appendChild(script)
  })
  pending.set(url, loading)
  // A failed load may be retried by a later call (e.g. a later page view).
  loading.catch(() => {
    if (pending.get(url) === loading) pending.delete(url)
  })
  return loading
}
