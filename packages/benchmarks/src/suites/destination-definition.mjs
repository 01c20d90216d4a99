// The workload's destination: one action whose fields are the workload's *Fields and whose perform (and
// performBatch) returns its payload without network I/O. Built the same way for ours and the reference.
import { freshCopy, workload } from '../load.mjs'

export function workloadDefinition(fieldsName) {
  return {
    // Hyphenated: the reference fails every validation for a name with spaces (a documented defect).
    name: 'benchmark-destination',
    slug: 'actions-benchmark',
    mode: 'cloud',
    actions: {
      send: {
        title: 'Send',
        description: 'Returns its payload',
        fields: freshCopy(workload.fields[fieldsName]),
        perform: (_request, { payload }) => payload,
        performBatch: (_request, { payload }) => payload
      }
    }
  }
}

export function workloadSettings(mappingName) {
  return {
    subscription: {
      subscribe: workload.fql[0],
      partnerAction: 'send',
      mapping: freshCopy(workload.mappings[mappingName])
    }
  }
}
