// destination-kit: Destination.onEvent with the `wide` mapping, onBatch of workload.batchSize events with `small`.
import { compare } from '../measure.mjs'
import { freshCopy, ours, reference, workload } from '../load.mjs'
import { workloadDefinition, workloadSettings } from './destination-definition.mjs'

function destinations(fieldsName) {
  return {
    ours: new ours.core.Destination(workloadDefinition(fieldsName)),
    reference: new reference.core.Destination(workloadDefinition(fieldsName))
  }
}

async function assertDelivers(name, results) {
  const list = await results
  // onBatch answers with multistatus entries; onEvent with steps. Either must show no failure.
  const entries = list.flatMap((result) => result.multistatus ?? [result])
  const failed = entries.find((entry) => entry.error || entry.status >= 400)
  if (failed || entries.length === 0) {
    throw new Error(`${name} did not deliver the workload event: ${JSON.stringify(list).slice(0, 500)}`)
  }
}

export async function destinationSuite() {
  const wide = destinations('wide')
  const wideSettingsJson = JSON.stringify(workloadSettings('wide'))
  // A runtime that keeps its settings object between events; each side has its own copy because
  // the reference writes into the mappings it is given.
  const oursSettings = JSON.parse(wideSettingsJson)
  const referenceSettings = JSON.parse(wideSettingsJson)
  const onEvent = {
    ours: () => wide.ours.onEvent(workload.event, oursSettings),
    reference: () => wide.reference.onEvent(workload.event, referenceSettings)
  }
  await assertDelivers('ours onEvent', onEvent.ours())
  await assertDelivers('reference onEvent', onEvent.reference())
  const onEventOps = await compare('onEvent wide', onEvent)
  // A runtime that builds a new settings object (and subscription object) for every event around
  // the same mapping objects, as one that keeps its subscriptions but not its settings objects does.
  const oursMapping = oursSettings.subscription.mapping
  const referenceMapping = referenceSettings.subscription.mapping
  const { subscribe, partnerAction } = oursSettings.subscription
  const newSettings = (mapping) => ({ subscription: { subscribe, partnerAction, mapping } })
  const onEventNewSettings = {
    ours: () => wide.ours.onEvent(workload.event, newSettings(oursMapping)),
    reference: () => wide.reference.onEvent(workload.event, newSettings(referenceMapping))
  }
  await assertDelivers('ours onEvent, new settings', onEventNewSettings.ours())
  await assertDelivers('reference onEvent, new settings', onEventNewSettings.reference())
  const onEventNewSettingsOps = await compare('onEvent wide, new settings object per event', onEventNewSettings)
  // A runtime that receives settings as fresh JSON with every event.
  // JSON.parse alone is timed too: both contenders pay it, so it bounds the ratio (see README).
  const onEventFreshOps = await compare('onEvent wide, settings parsed per event', {
    ours: () => wide.ours.onEvent(workload.event, JSON.parse(wideSettingsJson)),
    reference: () => wide.reference.onEvent(workload.event, JSON.parse(wideSettingsJson)),
    'JSON.parse alone': () => JSON.parse(wideSettingsJson)
  })
  const withoutParse = (ops) => 1 / (1 / ops - 1 / onEventFreshOps['JSON.parse alone'])

  const small = destinations('small')
  const smallSettingsJson = JSON.stringify(workloadSettings('small'))
  const events = Array.from({ length: workload.batchSize }, (_, index) => ({
    ...freshCopy(workload.event),
    messageId: `msg-${index}`
  }))
  const onBatch = {
    ours: () => small.ours.onBatch(events, JSON.parse(smallSettingsJson)),
    reference: () => small.reference.onBatch(events, JSON.parse(smallSettingsJson))
  }
  await assertDelivers('ours onBatch', onBatch.ours())
  await assertDelivers('reference onBatch', onBatch.reference())
  const onBatchOps = await compare('onBatch small', onBatch)
  return [
    { name: 'Destination.onEvent (wide mapping)', ops: onEventOps, baseline: 'reference', target: 30 },
    {
      name: 'Destination.onEvent (wide mapping, a new settings object per event, same mapping objects)',
      ops: onEventNewSettingsOps,
      baseline: 'reference',
      target: 30
    },
    {
      name: 'Destination.onEvent (wide mapping, settings parsed from JSON per event)',
      ops: onEventFreshOps,
      baseline: 'reference',
      target: 10
    },
    {
      name: '  the same, the time of JSON.parse alone subtracted from both (the framework share)',
      ops: { ours: withoutParse(onEventFreshOps.ours), reference: withoutParse(onEventFreshOps.reference) },
      baseline: 'reference'
    },
    {
      name: `Destination.onBatch (${workload.batchSize} events, small mapping)`,
      ops: onBatchOps,
      baseline: 'reference',
      target: 5
    }
  ]
}
