import { Command, Flags } from '@oclif/core'
import path from 'path'
import type { DestinationRegistry } from '@action-destinations/delivery'

/** The console's built page (scripts/bundle-web.js writes it). */
const CONSOLE_DIR = path.resolve(__dirname, '..', 'console')

/** The registry of packages/destination-actions as the engine wants it (the engine imports no destination). */
async function destinationActionsRegistry(): Promise<DestinationRegistry> {
  const [{ manifest }, { registryFromManifest }] = await Promise.all([
    import('@action-destinations/destination-actions'),
    import('@action-destinations/delivery')
  ])
  return registryFromManifest(manifest)
}

export default class Deliver extends Command {
  static override description =
    'Run the delivery engine: Segment-compatible ingest, subscriptions, batching, retries, dead letters, an admin API and Prometheus metrics, configured from a JSON file.'

  static override examples = [
    '<%= config.bin %> <%= command.id %> --config packages/delivery/examples/webhook.json',
    '<%= config.bin %> <%= command.id %> --config engine.json --port 3100 --store postgres://user@localhost/delivery'
  ]

  static override flags = {
    config: Flags.string({
      char: 'c',
      description: 'configuration file (JSON: sources and destination instances)',
      required: true
    }),
    port: Flags.integer({ char: 'p', description: 'port to listen on', default: 3100, min: 0, max: 65535 }),
    host: Flags.string({ description: 'interface to listen on', default: '127.0.0.1' }),
    'allowed-host': Flags.string({
      description: 'a host name accepted in the Host header (repeatable; needed behind a proxy or with --host 0.0.0.0)',
      multiple: true
    }),
    store: Flags.string({
      char: 's',
      description: 'an SQLite file or a postgres:// URL (default: ./delivery.db in the current directory)'
    }),
    'admin-token': Flags.string({
      description: 'bearer token of the admin API (default: $DELIVERY_ADMIN_TOKEN, else a random one, printed)',
      env: 'DELIVERY_ADMIN_TOKEN'
    }),
    'dedupe-hours': Flags.integer({
      description: 'how long a repeated messageId of a source is dropped, in hours (Segment: 24)',
      default: 24,
      min: 0,
      max: 24 * 30
    }),
    'log-level': Flags.string({
      description: 'pino log level',
      default: 'info',
      options: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']
    })
  }

  async run(): Promise<void> {
    const { flags } = await this.parse(Deliver)
    const { startEngine, ConfigError, createLogger, createConsole } = await import('@action-destinations/delivery')
    // A postgres:// URL may carry a password (user info or ?password=): printed by the shared rules.
    const { Redactor } = await import('@action-destinations/delivery/safety')
    const redactor = new Redactor()
    const configFile = path.resolve(flags.config)
    const storeSpec = flags.store ?? path.resolve('delivery.db')
    const logger = createLogger({ level: flags['log-level'] })
    let engine: Awaited<ReturnType<typeof startEngine>> | undefined
    // The console (web page at /): its live streams end before the engine stops.
    let closeConsole = (): void => undefined
    try {
      engine = await startEngine({
        config: configFile,
        registry: await destinationActionsRegistry(),
        store: storeSpec,
        port: flags.port,
        host: flags.host,
        allowedHosts: flags['allowed-host'],
        adminToken: flags['admin-token'],
        dedupeWindowMs: flags['dedupe-hours'] * 60 * 60 * 1000,
        logger,
        mount: (app, { store, registry }) => {
          const consoleApp = createConsole({
            store,
            registry,
            listenHost: flags.host,
            allowedHosts: flags['allowed-host'],
            adminToken: () => engine?.adminToken,
            staticDir: CONSOLE_DIR
          })
          closeConsole = consoleApp.close
          app.use(consoleApp.router)
        }
      })
    } catch (error) {
      if (error instanceof ConfigError) this.error(error.message, { exit: 1 })
      const message = error instanceof Error ? error.message : String(error)
      this.error(`The engine did not start: ${redactor.text(message)}`, { exit: 1 })
    }
    const config = engine.config()
    this.log(`Delivery engine on ${engine.url}`)
    this.log(`Store: ${/^postgres(ql)?:\/\//i.test(storeSpec) ? redactor.text(storeSpec) : storeSpec}`)
    this.log(
      `Configuration: ${configFile} (${engine.seeded ? 'seeded into the store' : 'unchanged since it was seeded: the store\u2019s configuration, with admin changes, is kept'})`
    )
    this.log(`Sources: ${config.sources.map((source) => source.name).join(', ') || 'none'}`)
    for (const instance of config.destinations) {
      const enabled = instance.subscriptions.filter((subscription) => subscription.enabled).length
      this.log(
        `Instance ${instance.name} (${instance.destination})${instance.enabled === false ? ' disabled' : ''}: ${enabled}/${instance.subscriptions.length} subscriptions enabled, sources ${instance.sources.join(', ')}`
      )
    }
    this.log(
      `Ingest: POST ${engine.url}/v1/{track,identify,page,screen,group,alias,batch} (write key as Basic-auth user name)`
    )
    this.log(`Console: ${engine.url}/`)
    this.log(`Metrics: ${engine.url}/metrics  Health: ${engine.url}/health  Admin API: ${engine.url}/admin/config`)
    if (engine.adminTokenGenerated) this.log(`Admin token (generated for this run): ${engine.adminToken}`)

    await new Promise<void>((resolve) => {
      const stop = (signal: string): void => {
        this.log(`${signal}: stopping (ingest closed, finishing deliveries in flight)`)
        closeConsole()
        engine
          .stop()
          .catch((error: unknown) => logger.error({ err: error }, 'stop failed'))
          .finally(resolve)
      }
      process.once('SIGINT', () => stop('SIGINT'))
      process.once('SIGTERM', () => stop('SIGTERM'))
    })
    this.log('Stopped.')
    logger.flush()
    // Keep-alive sockets of finished requests must not hold the process open.
    process.exit(0)
  }
}
