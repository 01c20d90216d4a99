import type { SchemaProblem } from '../../core-runtime'

/** A problem shown next to one mapping field (or at the top when `field` is absent). */
export interface FieldProblem {
  field?: string
  message: string
}

/** The field a schema problem is about: `$.url` -> url; a missing required field is named in the message. */
export function schemaProblemField(problem: SchemaProblem): FieldProblem {
  const fromPath = /^\$\.([^.[\]]+)/.exec(problem.path)
  if (fromPath) return { field: fromPath[1], message: problem.message }
  const required = /required field '([^']+)'/.exec(problem.message)
  return required ? { field: required[1], message: problem.message } : { message: problem.message }
}

/** Splits mapping-kit's validation error (one sentence per problem, each starting `/field/...`) by field. */
export function mappingProblems(error: unknown): FieldProblem[] {
  const listed = (error as { errors?: unknown }).errors
  const messages = Array.isArray(listed)
    ? listed.map((entry: unknown) => (entry instanceof Error ? entry.message : String(entry)))
    : [error instanceof Error ? error.message : String(error)]
  return messages.map((message) => {
    const match = /^\/([^/\s]+)/.exec(message)
    return match ? { field: match[1], message } : { message }
  })
}
