// The cold suite's destination and events, built from the shared workload the same way for both
// contenders (CommonJS: required afresh by every child process).
const { readFileSync } = require('node:fs')
const path = require('node:path')

const workload = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'workload.json'), 'utf8'))

// A handful of events, as a test file sends: the workload event with a few variations.
workload.coldEvents = [
  workload.event,
  { ...workload.event, messageId: 'cold-2', userId: 'user-2' },
  { ...workload.event, messageId: 'cold-3', properties: { ...workload.event.properties, revenue: 7 } },
  { ...workload.event, messageId: 'cold-4', context: { ...workload.event.context, device: undefined } },
  { ...workload.event, messageId: 'cold-5', anonymousId: 'anon-5' }
]

function copy(value) {
  return JSON.parse(JSON.stringify(value))
}

/** Every payload perform received, so the parent can check that both contenders did the same work. */
const payloads = []

/** The workload destination with one action per workload mapping, each with that mapping's fields. */
function definition() {
  const action = (fieldsName) => ({
    title: `Send ${fieldsName}`,
    description: 'Returns its payload',
    fields: copy(workload.fields[fieldsName]),
    perform: (_request, { payload }) => {
      payloads.push(payload)
      return payload
    }
  })
  return {
    name: 'benchmark-destination',
    slug: 'actions-benchmark',
    mode: 'cloud',
    actions: { wide: action('wide'), small: action('small') }
  }
}

function settingsOf(mappingName) {
  return {
    subscription: {
      subscribe: workload.fql[0],
      partnerAction: mappingName,
      mapping: copy(workload.mappings[mappingName])
    }
  }
}

module.exports = { workload, definition, settingsOf, payloads }
