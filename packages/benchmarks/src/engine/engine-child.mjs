// The engine under test, in its own process so the load generator does not share its event loop.
// argv: <mode: ingest | batch | single> <store file> <api url>. Talks to the parent over IPC:
// sends { url } when ready; answers 'memory' with process.memoryUsage(); 'stop' stops and exits.
import { createRequire } from 'module'

const require = createRequire(import.meta.url)
const { startEngine, createLogger } = require('@action-destinations/delivery')

const [mode, storeFile, apiUrl] = process.argv.slice(2)

/** A destination whose perform and performBatch post the payload to the fake API. */
const bench = {
  name: 'Engine Bench',
  slug: 'actions-engine-bench',
  mode: 'cloud',
  authentication: {
    scheme: 'custom',
    fields: { url: { label: 'URL', description: 'Where to post', type: 'string', required: true } }
  },
  actions: {
    send: {
      title: 'Send',
      description: 'Posts the event name and user',
      fields: {
        name: { label: 'Name', description: 'Event name', type: 'string', required: true },
        userId: { label: 'User', description: 'User id', type: 'string' },
        total: { label: 'Total', description: 'Order total', type: 'number' },
        enable_batching: { label: 'Batch', description: 'Batch', type: 'boolean', default: false },
        batch_size: { label: 'Batch size', description: 'Batch size', type: 'number', default: 100, maximum: 1000 }
      },
      perform: (request, { payload, settings }) => request(settings.url, { method: 'post', json: payload }),
      performBatch: (request, { payload, settings }) => request(settings.url, { method: 'post', json: payload })
    }
  }
}
const entries = [{ id: 'b'.repeat(24), key: 'bench', definition: bench }]
const registry = { find: (name) => entries.find((entry) => entry.key === name), list: () => entries }

const batching = mode === 'batch'
const config = {
  sources: [{ name: 'bench', writeKey: 'bench-key' }],
  destinations: [
    {
      name: 'api',
      destination: 'bench',
      sources: ['bench'],
      settings: { url: `${apiUrl}/${batching ? 'batch' : 'event'}` },
      maxConcurrency: 64,
      subscriptions: [
        {
          name: 'Orders',
          enabled: true,
          subscribe: 'type = "track" and event = "Order Completed"',
          partnerAction: 'send',
          mapping: {
            name: { '@path': '$.event' },
            userId: { '@path': '$.userId' },
            total: { '@path': '$.properties.total' },
            enable_batching: batching,
            batch_size: 500
          }
        }
      ]
    }
  ]
}

const engine = await startEngine({
  config,
  registry,
  store: storeFile,
  port: 0,
  adminToken: 'bench',
  logger: createLogger({ level: 'warn' }),
  deliver: mode !== 'ingest',
  worker: { claimSize: 5000, lingerMs: 200 }
})
process.send({ url: engine.url })
process.on('message', async (message) => {
  if (message === 'memory') {
    if (global.gc) global.gc()
    process.send({ memory: process.memoryUsage() })
  } else if (message === 'stop') {
    await engine.stop()
    process.exit(0)
  }
})
