import { Command, Flags } from '@oclif/core'
import path from 'path'

export default class Validate extends Command {
  static override description =
    'Check destination definitions: actions present, FQL parses, descriptions present, presets and batch_keys sane, secrets typed as password.'

  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --path ./packages/destination-actions/src/destinations/slack/index.ts'
  ]

  static override flags = {
    path: Flags.string({ char: 'p', description: 'glob of destination index.ts files (repeatable)', multiple: true })
  }

  async run(): Promise<void> {
    const { flags } = await this.parse(Validate)
    const { expandGlob } = await import('../lib/glob')
    const { defaultDestinationGlobs } = await import('../lib/destination-globs')
    const { loadDefinitionFile } = await import('../lib/load-typescript')
    const { checkDefinition } = await import('../lib/validate/check-definition')
    const { loadFqlChecker } = await import('../lib/validate/fql-checker')
    const { formatIssue } = await import('../lib/validate/issue')

    const globs = flags.path ?? defaultDestinationGlobs()
    const entries = [...new Set(globs.flatMap((glob) => expandGlob(glob)))]
    if (entries.length === 0) this.error(`--path: no destination files match ${globs.join(', ')}`)
    const parseFql = loadFqlChecker()

    let errors = 0
    let warnings = 0
    for (const entry of entries) {
      const shown = path.relative(process.cwd(), entry)
      let issues
      try {
        issues = checkDefinition(loadDefinitionFile(entry), parseFql)
      } catch (error) {
        issues = [
          {
            level: 'error' as const,
            destination: shown,
            message: `cannot load: ${error instanceof Error ? error.message : String(error)}`
          }
        ]
      }
      for (const issue of issues) {
        if (issue.level === 'error') {
          errors += 1
          this.logToStderr(formatIssue(issue))
        } else {
          warnings += 1
          this.log(formatIssue(issue))
        }
      }
    }
    this.log(`${entries.length} destination(s) checked: ${errors} error(s), ${warnings} warning(s)`)
    if (errors > 0) this.exit(1)
  }
}
