// mapping-kit: transform of the workload's `wide` mapping, against the reference and a hand-written function.
import { isDeepStrictEqual } from 'node:util'
import { compare } from '../measure.mjs'
import { freshCopy, ours, reference, workload } from '../load.mjs'
import { handWrittenWide } from './hand-written-wide.mjs'

export async function mappingKitSuite() {
  const { event } = workload
  const wide = workload.mappings.wide
  const wideJson = JSON.stringify(wide)
  // The reference writes defaults into the mapping it is given: it gets its own copy.
  const wideForReference = freshCopy(wide)

  // The comparison only means something if all three produce the same payload.
  const expected = reference.core.transform(freshCopy(wide), event)
  for (const [name, actual] of [
    ['ours', ours.core.transform(wide, event)],
    ['hand-written', handWrittenWide(event)]
  ]) {
    if (!isDeepStrictEqual(actual, expected)) {
      throw new Error(`${name} transform of the wide mapping differs from the reference:\n${JSON.stringify(actual)}`)
    }
  }

  const sameObject = await compare(
    'transform wide',
    {
      ours: () => ours.core.transform(wide, event),
      reference: () => reference.core.transform(wideForReference, event),
      'hand-written': () => handWrittenWide(event)
    },
    { repeat: 20 }
  )
  const freshJson = await compare('transform wide, mapping parsed from JSON per call', {
    ours: () => ours.core.transform(JSON.parse(wideJson), event),
    reference: () => reference.core.transform(JSON.parse(wideJson), event)
  })
  return [
    { name: 'transform wide mapping', ops: sameObject, baseline: 'reference', target: 100 },
    { name: 'transform wide mapping vs hand-written', ops: sameObject, baseline: 'hand-written', target: 1 / 3 },
    { name: 'transform wide mapping (fresh JSON per call)', ops: freshJson, baseline: 'reference' }
  ]
}
