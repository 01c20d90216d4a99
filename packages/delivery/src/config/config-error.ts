// A configuration that cannot be used: every problem, each naming its place (e.g.
// `destinations[0].subscriptions[1].subscribe: …`), so one answer fixes them all.
export class ConfigError extends Error {
  readonly problems: string[]

  constructor(problems: string[], origin = 'configuration') {
    super(`Invalid ${origin}:\n- ${problems.join('\n- ')}`)
    this.name = 'ConfigError'
    this.problems = problems
  }
}
