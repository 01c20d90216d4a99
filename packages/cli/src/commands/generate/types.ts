import { Command, Flags } from '@oclif/core'
import path from 'path'

export default class GenerateTypes extends Command {
  static override description =
    'Write generated-types.ts for destinations (Settings, AudienceSettings) and their actions (Payload, hook inputs and outputs) from their fields.'

  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --path ./packages/destination-actions/src/destinations/slack/index.ts',
    '<%= config.bin %> <%= command.id %> --check',
    '<%= config.bin %> <%= command.id %> --watch'
  ]

  static override flags = {
    path: Flags.string({ char: 'p', description: 'glob of destination index.ts files (repeatable)', multiple: true }),
    watch: Flags.boolean({ description: 'regenerate when destination files change', default: false }),
    check: Flags.boolean({
      description: 'write nothing; exit 1 listing the files that are out of date',
      default: false
    })
  }

  async run(): Promise<void> {
    const { flags } = await this.parse(GenerateTypes)
    if (flags.watch && flags.check) this.error('--watch and --check cannot be used together')
    const { expandGlob } = await import('../../lib/glob')
    const { defaultDestinationGlobs } = await import('../../lib/destination-globs')
    const globs = flags.path ?? defaultDestinationGlobs()
    const entries = [...new Set(globs.flatMap((glob) => expandGlob(glob)))]
    if (entries.length === 0) this.error(`--path: no destination files match ${globs.join(', ')}`)

    const ok = await this.generateAll(entries, flags.check)
    if (flags.check && !ok) this.exit(1)
    if (!flags.watch) return

    const { watch } = await import('chokidar')
    const folders = entries.map((entry) => path.dirname(entry))
    const watcher = watch(folders, {
      ignoreInitial: true,
      // Our own output must not retrigger a run.
      ignored: (file: string) => file.endsWith('generated-types.ts') || file.includes(`${path.sep}node_modules`)
    })
    this.log('Watching for changes…')
    let timer: NodeJS.Timeout | undefined
    watcher.on('all', (_event, file) => {
      const entry = entries.find((candidate) => file.startsWith(path.dirname(candidate) + path.sep))
      if (!entry) return
      if (timer) clearTimeout(timer)
      timer = setTimeout(() => void this.generateAll([entry], false), 100)
    })
    await new Promise<void>((resolve) => process.once('SIGINT', () => void watcher.close().then(resolve)))
  }

  /** Returns false when, in check mode, something is stale or failed. */
  private async generateAll(entries: string[], check: boolean): Promise<boolean> {
    const { computeTypeFiles, writeTypeFiles } = await import('../../lib/typegen/generate-types')
    const stale: string[] = []
    let failed = false
    for (const entry of entries) {
      const shown = path.relative(process.cwd(), entry)
      try {
        const { files, warnings } = await computeTypeFiles(entry)
        for (const warning of warnings) this.warn(warning)
        if (check) {
          stale.push(...files.filter((file) => file.stale).map((file) => file.file))
        } else {
          for (const file of writeTypeFiles(files)) this.log(`wrote ${path.relative(process.cwd(), file)}`)
        }
      } catch (error) {
        failed = true
        this.logToStderr(`${shown}: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
    if (check && stale.length > 0) {
      this.logToStderr('Out of date (run generate:types):')
      for (const file of stale) this.logToStderr(`  ${path.relative(process.cwd(), file)}`)
    } else if (check && !failed) {
      this.log('All generated types are up to date.')
    }
    if (failed && !check) process.exitCode = 1
    return stale.length === 0 && !failed
  }
}
