// The page under test: analytics-next from npm with the browser destinations' plugins, bundled by
// esbuild. analytics-next is not a dependency of this package (it is the host page's library):
// it resolves from the workspace root node_modules, where packages/benchmarks installs it.
import { build } from 'esbuild'
import path from 'path'

const PACKAGE_DIR = path.join(__dirname, '..', '..')

const PAGE_SCRIPT = `
import { AnalyticsBrowser } from '@segment/analytics-next'
import amplitudePlugins from './src/destinations/amplitude-plugins/plugins'
import googleAnalytics4Web from './src/destinations/google-analytics-4-web/plugins'
import fullstory from './src/destinations/fullstory/plugins'

function subscription(partnerAction, subscribe, mapping) {
  return { partnerAction: partnerAction, subscribe: subscribe, enabled: true, mapping: mapping }
}

window.runScenario = async function (options) {
  const plugins = [].concat(
    await amplitudePlugins({
      subscriptions: [subscription('sessionId', 'type = "track" or type = "identify" or type = "page"', {})]
    }),
    await googleAnalytics4Web({
      measurementID: 'G-E2E',
      pageView: false,
      gtagUrl: options.origin + '/gtag/js',
      subscriptions: [
        subscription('setConfigurationFields', 'type = "identify" or type = "page"', {
          user_id: { '@path': '$.userId' },
          user_properties: { '@path': '$.traits' }
        }),
        subscription('pageView', 'type = "page"', {
          page_location: { '@path': '$.context.page.url' },
          page_title: { '@path': '$.context.page.title' }
        }),
        subscription('purchase', 'type = "track" and event = "Order Completed"', {
          transaction_id: { '@path': '$.properties.order_id' },
          value: { '@path': '$.properties.total' },
          currency: { '@path': '$.properties.currency' },
          items: {
            '@arrayPath': ['$.properties.products', { item_id: { '@path': '$.product_id' }, quantity: { '@path': '$.quantity' } }]
          }
        }),
        // Must never match below: no "Signed Up" event is sent.
        subscription('signUp', 'type = "track" and event = "Signed Up"', { method: { '@path': '$.properties.type' } })
      ]
    }),
    await fullstory({
      orgId: 'ORG-E2E',
      scriptUrl: options.origin + options.fullstoryPath,
      subscriptions: [
        subscription('trackEvent', 'type = "track"', { name: { '@path': '$.event' }, properties: { '@path': '$.properties' } }),
        subscription('identifyUser', 'type = "identify"', { userId: { '@path': '$.userId' }, email: { '@path': '$.traits.email' } }),
        subscription('viewedPage', 'type = "page"', { pageName: { '@path': '$.name' } })
      ]
    })
  )

  // Settings given inline and Segment.io off: analytics-next fetches nothing from Segment's CDN or API.
  const [analytics] = await AnalyticsBrowser.load(
    { writeKey: 'e2e-write-key', cdnSettings: { integrations: {} }, plugins: plugins },
    { integrations: { 'Segment.io': false } }
  )
  await analytics.identify('u1', { email: 'ada@example.com', plan: 'pro' })
  await analytics.page('Home')
  const tracked = await analytics.track('Order Completed', {
    order_id: 'o-1',
    total: 30,
    currency: 'EUR',
    products: [{ product_id: 'p1', quantity: 3 }]
  })
  return {
    pluginNames: plugins.map(function (plugin) { return plugin.name }),
    trackedEvent: JSON.parse(JSON.stringify(tracked.event)),
    storedSessionId: localStorage.getItem('analytics_session_id'),
    failedInitializations: analytics.queue.failedInitializations.slice()
  }
}
`

/** The page script as one IIFE, with `window.runScenario(options)` to drive it. */
export async function bundleHostPage(): Promise<string> {
  const result = await build({
    stdin: { contents: PAGE_SCRIPT, resolveDir: PACKAGE_DIR, sourcefile: 'host-page.js', loader: 'js' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['es2019'],
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' }
  })
  return result.outputFiles[0].text
}
