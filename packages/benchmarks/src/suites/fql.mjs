// FQL: parse + match each workload query against the workload event. Each operation gets a fresh
// copy of the query string (a new string object with no cached hash), as per-event settings bring
// it; the copy is a slice of a padded string so that making it costs next to nothing for either side.
import { compare } from '../measure.mjs'
import { ours, reference, workload } from '../load.mjs'

export async function fqlSuite() {
  const rows = []
  const event = workload.event
  for (const [index, fql] of workload.fql.entries()) {
    // Both sides must give the same answer, or the ratio would compare different work.
    const expected = reference.subscriptions.validate(reference.subscriptions.parseFql(fql), event)
    const answers = {
      ours: ours.subscriptions.compileFql(fql)(event),
      'ours, uncached parseFql + validate': ours.subscriptions.validate(ours.subscriptions.parseFql(fql), event)
    }
    for (const [name, answer] of Object.entries(answers)) {
      if (answer !== expected) throw new Error(`fql[${index}]: ${name} gives ${answer}, the reference ${expected}`)
    }
    const padded = ` ${fql} `
    const freshCopy = () => padded.slice(1, -1)
    const ops = await compare(
      `fql[${index}]`,
      {
        ours: () => ours.subscriptions.compileFql(freshCopy())(event),
        reference: () => reference.subscriptions.validate(reference.subscriptions.parseFql(freshCopy()), event),
        'ours, uncached parseFql + validate': () =>
          ours.subscriptions.validate(ours.subscriptions.parseFql(freshCopy()), event)
      },
      { repeat: 100 }
    )
    rows.push({
      name: `FQL parse+match fql[${index}]`,
      ops,
      baseline: 'reference',
      target: 50
    })
    // The reference's own call path, as a runtime importing the subscriptions package takes it.
    rows.push({
      name: `FQL validate(parseFql(fresh string), event) fql[${index}]`,
      ops: { ours: ops['ours, uncached parseFql + validate'], reference: ops.reference },
      baseline: 'reference',
      target: 20
    })
  }
  return rows
}
