import plugins, { destination } from '../plugins'
import { SOURCE } from '../fs-api'
import {
  createAnalytics,
  createContext,
  defaultSubscription,
  finishScript,
  flush
} from '../../../test-utils/fake-context'
import type { Plugin } from '../../../runtime/types'

let SCRIPT = ''
let loads = 0

/** What fs.js does when it runs: replays the queued calls, then takes calls directly. */
function bootFakeFs(): unknown[][] {
  const calls: unknown[][] = []
  const api = window.FS
  if (!api) throw new Error('FS was not installed before the script loaded')
  for (const call of api.q ?? []) calls.push(call)
  delete api.q
  api._api = (...args) => calls.push(args)
  return calls
}

async function load(keys: string[]): Promise<{ plugins: Plugin[]; calls: unknown[][] }> {
  const subscriptions = keys.map((key) => defaultSubscription(destination.actions, key))
  const loaded = await plugins({ orgId: 'ORG1', scriptUrl: SCRIPT, subscriptions })
  const loading = Promise.all(loaded.map((plugin) => plugin.load(createContext({ type: 'page' }), createAnalytics())))
  await flush()
  const calls = bootFakeFs()
  finishScript(SCRIPT)
  await loading
  return { plugins: loaded, calls }
}

describe('Fullstory (Actions)', () => {
  beforeEach(() => {
    // loadScript loads a URL once per page, so each test serves "fs.js" from its own URL.
    loads += 1
    SCRIPT = `http://127.0.0.1:9999/fs-${loads}.js`
    delete window.FS
    document.head.innerHTML = ''
  })

  it('declares the org for fs.js and loads it', async () => {
    await load(['trackEvent'])
    expect(window._fs_org).toBe('ORG1')
    expect(window._fs_namespace).toBe('FS')
    expect(window._fs_script).toBe(SCRIPT.replace('http://', ''))
    expect(document.querySelector('script')?.getAttribute('crossorigin')).toBe('anonymous')
  })

  it('maps track, identify and page to trackEvent, setIdentity and page setProperties', async () => {
    const { plugins: loaded, calls } = await load(['trackEvent', 'identifyUser', 'viewedPage'])
    const [track, identify, page] = loaded
    await track.track?.(createContext({ type: 'track', event: 'Clicked', properties: { button: 'buy' } }))
    await identify.identify?.(
      createContext({ type: 'identify', userId: 'u1', traits: { name: 'Ada', email: 'ada@example.com', plan: 'pro' } })
    )
    await identify.identify?.(createContext({ type: 'identify', traits: { plan: 'free' } }))
    await page.page?.(createContext({ type: 'page', name: 'Home', properties: { path: '/' } }))
    expect(calls).toEqual([
      ['trackEvent', { name: 'Clicked', properties: { button: 'buy' } }, SOURCE],
      [
        'setIdentity',
        { uid: 'u1', properties: { name: 'Ada', email: 'ada@example.com', plan: 'pro', displayName: 'Ada' } },
        SOURCE
      ],
      ['setProperties', { type: 'user', properties: { plan: 'free' } }, SOURCE],
      ['setProperties', { type: 'page', properties: { path: '/', pageName: 'Home' } }, SOURCE]
    ])
  })

  it('queues calls made before fs.js ran, as the snippet does', async () => {
    const [plugin] = await plugins({
      orgId: 'ORG1',
      scriptUrl: SCRIPT,
      subscriptions: [defaultSubscription(destination.actions, 'trackEvent')]
    })
    const loading = plugin.load(createContext({ type: 'page' }), createAnalytics())
    await flush()
    window.FS?.('trackEvent', { name: 'Early', properties: {} })
    expect(window.FS?.q).toEqual([['trackEvent', { name: 'Early', properties: {} }, undefined]])
    finishScript(SCRIPT)
    await loading
  })

  it('does not load, and says why, without an org id', async () => {
    const [plugin] = await plugins({ subscriptions: [defaultSubscription(destination.actions, 'trackEvent')] })
    await expect(plugin.load(createContext({ type: 'page' }), createAnalytics())).rejects.toThrow(
      'Fullstory (Actions): settings.orgId must be your FullStory org ID'
    )
  })
})
