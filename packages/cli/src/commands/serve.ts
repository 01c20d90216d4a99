import { Command, Flags } from '@oclif/core'
import path from 'path'

export default class Serve extends Command {
  static override description = [
    'Serve a destination over HTTP on this machine to try its actions, authentication and dynamic fields.',
    'Open http://127.0.0.1:<port>/ in a browser for the Actions Tester page: settings, subscriptions with',
    'conditions and mappings, sample events, "Test mapping" and "Send" with every request and response shown.',
    'Reloads when its files change and type-checks them in the background; GET /tester-api/status tells',
    'whether the latest code loaded. Only requests addressed to the listening host are answered.'
  ].join('\n')

  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --destination slack --port 3001',
    '<%= config.bin %> <%= command.id %> --destination ./packages/destination-actions/src/destinations/my-dest'
  ]

  static override flags = {
    destination: Flags.string({ char: 'd', description: 'destination slug, folder name or folder path' }),
    directory: Flags.string({ description: 'folder holding destination folders (for slugs)' }),
    port: Flags.integer({ char: 'p', description: 'port to listen on (default: $PORT or 3000)', min: 0, max: 65535 }),
    host: Flags.string({ description: 'interface to listen on', default: '127.0.0.1' }),
    noWatch: Flags.boolean({ description: 'do not reload when files change', default: false })
  }

  async run(): Promise<void> {
    const { flags } = await this.parse(Serve)
    const locate = await import('../lib/locate')
    const { isInteractive } = await import('../lib/interactive')
    const destinationsDir = flags.directory ? path.resolve(flags.directory) : locate.DESTINATIONS_DIR

    let spec = flags.destination
    if (!spec) {
      const folders = locate.listDestinationFolders(destinationsDir)
      if (folders.length === 0) this.error(`No destinations in ${destinationsDir}; pass --destination <folder>`)
      if (isInteractive()) {
        const { search } = await import('@inquirer/prompts')
        spec = await search({
          message: 'Which destination?',
          source: (term) => folders.filter((name) => !term || name.includes(term)).map((name) => ({ value: name }))
        })
      } else {
        spec = locate.defaultDestinationFolder(destinationsDir)
      }
    }
    const port = flags.port ?? parsePort(process.env.PORT) ?? 3000
    if (port === null) this.error(`PORT="${process.env.PORT}" is not a port number (0-65535)`)

    let entry: string
    try {
      entry = locate.resolveDestinationEntry(String(spec), destinationsDir)
    } catch (error) {
      this.error(error instanceof Error ? error.message : String(error))
    }
    const { startServer } = await import('../lib/server/start-server')
    let running: Awaited<ReturnType<typeof startServer>>
    try {
      running = await startServer({
        entryFile: entry,
        host: flags.host,
        port,
        watch: !flags.noWatch,
        log: (line) => this.log(line)
      })
    } catch (error) {
      this.error(error instanceof Error ? error.message : String(error))
    }
    this.log(`Serving ${running.name} (${path.relative(process.cwd(), entry)}) on ${running.url}`)
    this.log(
      `Actions Tester: ${running.url}/ (subscriptions saved in ${path.relative(process.cwd(), running.subscriptionsFile)})`
    )
    // Stay up until interrupted; close the watcher so the process can exit cleanly.
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        void running.close().then(resolve)
      }
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
  }
}

function parsePort(value: string | undefined): number | null | undefined {
  if (value === undefined || value === '') return undefined
  const port = Number(value)
  return Number.isInteger(port) && port >= 0 && port <= 65535 ? port : null
}
