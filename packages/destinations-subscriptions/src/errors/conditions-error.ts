/**
 * A condition group that is malformed, or FQL that cannot be shown as one ALL/ANY group of
 * event type, event name and event property conditions.
 */
export class ConditionsError extends Error {
  /** Where the problem is: `conditions[2].value` for a group, `children[0]` for FQL. */
  readonly path: string

  constructor(message: string, path = '') {
    super(message)
    this.name = 'ConditionsError'
    this.path = path
  }
}
