import { Args, Command, Flags } from '@oclif/core'
import path from 'path'

const DEFAULT_DIRECTORY = './packages/destination-actions/src/destinations'
const BROWSER_DIRECTORY = './packages/browser-destinations/src/destinations'

export default class Init extends Command {
  static override description =
    'Scaffold a new destination from a template, with its generated types and a snapshot test.'

  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --name "My Tool" --template custom-auth',
    '<%= config.bin %> <%= command.id %> ./my-destinations --name "My Tool" --slug actions-my-tool --template minimal'
  ]

  static override args = {
    path: Args.string({ description: 'folder to create the destination in (same as --directory)', required: false })
  }

  static override flags = {
    name: Flags.string({ char: 'n', description: 'name of the destination' }),
    slug: Flags.string({ char: 's', description: 'url-friendly slug (default: "actions-" + the name in kebab case)' }),
    directory: Flags.string({
      char: 'd',
      description: 'folder holding destination folders',
      default: DEFAULT_DIRECTORY
    }),
    template: Flags.string({
      char: 't',
      description: 'template to start from',
      options: [
        'minimal',
        'custom-auth',
        'basic-auth',
        'oauth2-auth',
        'audience-custom-auth',
        'audience-oauth2',
        'browser'
      ]
    })
  }

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Init)
    const { isInteractive } = await import('../lib/interactive')
    const { destinationSlug, SLUG_PATTERN } = await import('../lib/scaffold/names')
    const { DESTINATION_TEMPLATES, TEMPLATE_NAMES } = await import('../lib/scaffold/templates')
    const interactive = isInteractive()
    const prompts = interactive ? await import('@inquirer/prompts') : undefined
    const missing = (flag: string): never =>
      this.error(`Missing ${flag} (stdin is not a terminal, so there is no prompt for it)`, { exit: 2 })

    let name = flags.name?.trim()
    if (!name)
      name = prompts
        ? (await prompts.input({ message: 'Destination name:', required: true })).trim()
        : missing('--name')
    if (!name) this.error('--name must not be empty', { exit: 2 })

    let slug = flags.slug
    if (!slug) {
      const suggested = destinationSlug(name)
      slug = prompts ? await prompts.input({ message: 'Slug:', default: suggested }) : suggested
    }
    if (!SLUG_PATTERN.test(slug))
      this.error(`--slug "${slug}": use lower case letters, digits and single dashes`, { exit: 2 })

    let template = flags.template as keyof typeof DESTINATION_TEMPLATES | undefined
    if (!template) {
      template = prompts
        ? await prompts.select({
            message: 'Template:',
            choices: TEMPLATE_NAMES.map((value) => ({ value, name: `${value} - ${DESTINATION_TEMPLATES[value]}` }))
          })
        : missing('--template')
    }

    let directory = args.path ?? flags.directory
    if (template === 'browser' && !args.path && directory === DEFAULT_DIRECTORY) directory = BROWSER_DIRECTORY

    const { scaffoldDestination } = await import('../lib/scaffold/scaffold-destination')
    let result
    try {
      result = await scaffoldDestination({ name, slug, template, directory })
    } catch (error) {
      this.error(error instanceof Error ? error.message : String(error))
    }
    for (const file of result.files) this.log(`created ${path.relative(process.cwd(), file)}`)

    if (template !== 'browser') {
      const { registerInRegistry } = await import('../lib/scaffold/register-in-registry')
      try {
        const registered = await registerInRegistry(directory, path.basename(result.folder))
        if (registered)
          this.log(
            `registered ${path.basename(result.folder)} in ${path.relative(process.cwd(), registered.file)} with id ${registered.id}`
          )
      } catch (error) {
        this.warn(
          `Not registered (${error instanceof Error ? error.message : String(error)}); add it to the registry by hand`
        )
      }
    }

    const { computeTypeFiles, writeTypeFiles } = await import('../lib/typegen/generate-types')
    try {
      const { files } = await computeTypeFiles(result.entryFile)
      for (const file of writeTypeFiles(files)) this.log(`created ${path.relative(process.cwd(), file)}`)
    } catch (error) {
      this.warn(
        `Types were not generated (${error instanceof Error ? error.message : String(error)}); run generate:types later`
      )
    }
    const folder = path.relative(process.cwd(), result.folder)
    const next = [`\nDone. Next: add an action with`, `  ./bin/run generate:action <name> server --path ${folder}`]
    if (template !== 'browser')
      next.push(
        `then write its snapshots once (jest --ci never writes new ones) with`,
        `  npx jest ${folder} --ci=false`
      )
    this.log(next.join('\n'))
  }
}
