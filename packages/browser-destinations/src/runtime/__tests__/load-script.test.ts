import { loadScript } from '../load-script'
import { finishScript } from '../../test-utils/fake-context'

describe('loadScript', () => {
  afterEach(() => {
    document.head.innerHTML = ''
    document.body.innerHTML = ''
  })

  it('adds one async script with the attributes and resolves when it loads', async () => {
    const loading = loadScript('https://cdn.example.com/sdk.js', { crossorigin: 'anonymous', 'data-org': 'o1' })
    const scripts = document.querySelectorAll('script')
    expect(scripts).toHaveLength(1)
    expect(scripts[0].async).toBe(true)
    expect(scripts[0].getAttribute('crossorigin')).toBe('anonymous')
    expect(scripts[0].getAttribute('data-org')).toBe('o1')
    finishScript('https://cdn.example.com/sdk.js')
    await expect(loading).resolves.toBe(scripts[0])
    expect(scripts[0].getAttribute('data-load-status')).toBe('loaded')
  })

  it('shares one element and one promise between callers of the same URL', async () => {
    const first = loadScript('https://cdn.example.com/shared.js')
    const second = loadScript('https://cdn.example.com/shared.js')
    expect(second).toBe(first)
    expect(document.querySelectorAll('script')).toHaveLength(1)
    finishScript('https://cdn.example.com/shared.js')
    await first
    // Once loaded, later callers get the loaded script without a new element.
    await expect(loadScript('https://cdn.example.com/shared.js')).resolves.toBe(await first)
    expect(document.querySelectorAll('script')).toHaveLength(1)
  })

  it('rejects with the URL when the script fails, and a later call tries again', async () => {
    const failing = loadScript('https://cdn.example.com/missing.js')
    finishScript('https://cdn.example.com/missing.js', 'error')
    await expect(failing).rejects.toThrow('loadScript: failed to load https://cdn.example.com/missing.js')
    const retry = loadScript('https://cdn.example.com/missing.js')
    expect(retry).not.toBe(failing)
    finishScript('https://cdn.example.com/missing.js')
    await expect(retry).resolves.toBeInstanceOf(HTMLScriptElement)
  })

  it('reuses a script the page already has', async () => {
    const existing = document.createElement('script')
    existing.src = 'https://cdn.example.com/page.js'
    document.head.appendChild(existing)
    await expect(loadScript('https://cdn.example.com/page.js')).resolves.toBe(existing)
    expect(document.querySelectorAll('script')).toHaveLength(1)
  })

  it('rejects an empty or non-string src with a clear error', async () => {
    await expect(loadScript('')).rejects.toThrow('loadScript: src must be a non-empty URL string, got ""')
    await expect(loadScript(undefined as unknown as string)).rejects.toThrow('got undefined')
  })
})
