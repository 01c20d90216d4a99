import { Args, Command, Flags } from '@oclif/core'
import path from 'path'

export default class GenerateAction extends Command {
  static override description =
    "Add an action to a destination: its folder, a test, the entry in the destination's actions, and its generated types."

  static override examples = [
    '<%= config.bin %> <%= command.id %> postToChannel server --path ./packages/destination-actions/src/destinations/slack',
    '<%= config.bin %> <%= command.id %> trackEvent server --path ./my-dest --title "Track Event"'
  ]

  static override args = {
    name: Args.string({ description: 'the action key (camelCase; other spellings are converted)', required: true }),
    type: Args.string({ description: 'where the action runs', required: true, options: ['server', 'browser'] })
  }

  static override flags = {
    path: Flags.string({ char: 'p', description: 'destination folder (or its index.ts)' }),
    directory: Flags.string({ char: 'd', description: 'same as --path', exclusive: ['path'] }),
    title: Flags.string({ char: 't', description: 'human title of the action (default: from the name)' }),
    description: Flags.string({ description: 'description of the action' })
  }

  async run(): Promise<void> {
    const { args, flags } = await this.parse(GenerateAction)
    const { actionKey, titleFromKey } = await import('../../lib/scaffold/names')
    const locate = await import('../../lib/locate')
    const key = actionKey(args.name)
    if (!key) this.error(`NAME "${args.name}": needs at least one letter or digit`, { exit: 2 })

    let spec = flags.path ?? flags.directory
    if (!spec) {
      const { isInteractive } = await import('../../lib/interactive')
      if (!isInteractive())
        this.error('Missing --path (stdin is not a terminal, so there is no prompt for it)', { exit: 2 })
      const { select } = await import('@inquirer/prompts')
      const folders = locate.listDestinationFolders(locate.DESTINATIONS_DIR)
      if (folders.length === 0) this.error('No destinations found; pass --path')
      spec = path.join(
        locate.DESTINATIONS_DIR,
        await select({ message: 'Destination:', choices: folders.map((value) => ({ value })) })
      )
    }
    let entryFile: string
    try {
      entryFile = locate.resolveDestinationEntry(spec, locate.DESTINATIONS_DIR, '--path')
    } catch (error) {
      this.error(error instanceof Error ? error.message : String(error), { exit: 2 })
    }

    const { scaffoldAction } = await import('../../lib/scaffold/scaffold-action')
    try {
      const files = await scaffoldAction({
        entryFile,
        key,
        title: flags.title ?? titleFromKey(key),
        type: args.type as 'server' | 'browser',
        description: flags.description
      })
      for (const file of files) this.log(`wrote ${path.relative(process.cwd(), file)}`)
    } catch (error) {
      this.error(error instanceof Error ? error.message : String(error))
    }

    // A destination scaffolded before init registered destinations gets listed now.
    if (args.type === 'server') {
      const { registerInRegistry } = await import('../../lib/scaffold/register-in-registry')
      const folder = path.dirname(entryFile)
      try {
        const registered = await registerInRegistry(path.dirname(folder), path.basename(folder))
        if (registered && !registered.already)
          this.log(
            `registered ${path.basename(folder)} in ${path.relative(process.cwd(), registered.file)} with id ${registered.id}`
          )
      } catch (error) {
        this.warn(
          `Not registered (${error instanceof Error ? error.message : String(error)}); add it to the registry by hand`
        )
      }
    }

    const { computeTypeFiles, writeTypeFiles } = await import('../../lib/typegen/generate-types')
    try {
      const { files } = await computeTypeFiles(entryFile)
      for (const file of writeTypeFiles(files)) this.log(`wrote ${path.relative(process.cwd(), file)}`)
    } catch (error) {
      this.warn(
        `Types were not generated (${error instanceof Error ? error.message : String(error)}); run generate:types`
      )
    }
  }
}
