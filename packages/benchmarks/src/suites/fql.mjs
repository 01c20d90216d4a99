// FQL: parse + match each workload query against the workload event. Each operation parses a fresh
// copy of the query string, as a per-event settings object would bring it.
import { compare } from '../measure.mjs'
import { ours, reference, workload } from '../load.mjs'

export async function fqlSuite() {
  const rows = []
  const event = workload.event
  for (const [index, fql] of workload.fql.entries()) {
    const asJson = JSON.stringify(fql)
    const ops = await compare(`fql[${index}]`, {
      ours: () => ours.subscriptions.compileFql(JSON.parse(asJson))(event),
      reference: () => reference.subscriptions.validate(reference.subscriptions.parseFql(JSON.parse(asJson)), event),
      'ours, uncached parseFql + validate': () =>
        ours.subscriptions.validate(ours.subscriptions.parseFql(JSON.parse(asJson)), event)
    })
    rows.push({
      name: `FQL parse+match fql[${index}]`,
      ops,
      baseline: 'reference',
      target: 50
    })
  }
  return rows
}
