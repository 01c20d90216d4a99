// Every name of the reference's `mapping-kit` subpaths and of `schema-validation`.
import {
  MAX_PATTERN_LENGTH,
  MAX_REPLACEMENT_LENGTH,
  transform,
  transformBatch
} from '@action-destinations/core/mapping-kit'
import type { Features, InputData } from '@action-destinations/core/mapping-kit'
import { flattenObject } from '@action-destinations/core/mapping-kit/flatten'
import { isDirective as isDirectiveObject } from '@action-destinations/core/mapping-kit/is-directive'
import { evaluateLiquid, getLiquidKeys } from '@action-destinations/core/mapping-kit/liquid-directive'
import { render } from '@action-destinations/core/mapping-kit/placeholders'
import validate from '@action-destinations/core/mapping-kit/validate'
import {
  getFieldValue,
  getFieldValueKeys,
  getRawKeys,
  getTemplateKeys,
  isArrayPathDirective,
  isCaseDirective,
  isDirective,
  isExcludeWhenNullDirective,
  isFlattenDirective,
  isIfDirective,
  isJSONDirective,
  isLiquidDirective,
  isLiteralDirective,
  isMergeDirective,
  isPathDirective,
  isReplaceDirective,
  isTemplateDirective,
  isTransformDirective
} from '@action-destinations/core/mapping-kit/value-keys'
import type {
  ArrayPathDirective,
  CaseDirective,
  Directive,
  DirectiveMetadata,
  ExcludeWhenNullDirective,
  FieldValue,
  FlattenDirective,
  IfDirective,
  JSONDirective,
  LiquidDirective,
  LiteralDirective,
  MergeDirective,
  PathDirective,
  PrimitiveValue,
  ReplaceDirective,
  TemplateDirective,
  TransformDirective
} from '@action-destinations/core/mapping-kit/value-keys'
import { validateSchema } from '@action-destinations/core/schema-validation'

export function mappings(event: InputData, features: Features): unknown[] {
  const payload = transform({ id: { '@path': '$.userId' } }, event)
  const payloads = transformBatch({ id: { '@path': '$.userId' } }, [event])
  const flat = flattenObject({ a: { b: 1 } }, '', '.')
  const text: string = render('{{userId}}', event)
  const liquid: string = evaluateLiquid('{{ userId }}', event)
  const liquidKeys: string[] = getLiquidKeys('{{ userId }}')
  validate({ id: { '@path': '$.userId' } })
  const valid: boolean = validateSchema(payload, { type: 'object' })
  const limits = MAX_PATTERN_LENGTH + MAX_REPLACEMENT_LENGTH
  return [payloads, flat, text, liquid, liquidKeys, valid, limits, features, isDirectiveObject(payload)]
}

export function directives(value: FieldValue): unknown[] {
  const path: PathDirective = { '@path': '$.a' }
  const arrayPath: ArrayPathDirective = { '@arrayPath': ['$.items', { id: path }] }
  const caseDirective: CaseDirective = { '@case': { operator: 'lower', value: path } }
  const ifDirective: IfDirective = { '@if': { blank: path, then: 'a' } }
  const json: JSONDirective = { '@json': { mode: 'decode', value: path } }
  const literal: LiteralDirective = { '@literal': { a: 1 } }
  const template: TemplateDirective = { '@template': '{{a}}' }
  const flatten: FlattenDirective = { '@flatten': { value: path, separator: '.' } }
  const merge: MergeDirective = { '@merge': { objects: [{ a: path }], direction: 'right' } }
  const transformDirective: TransformDirective = { '@transform': { apply: path, mapping: { a: path } } }
  const exclude: ExcludeWhenNullDirective = { '@excludeWhenNull': path }
  const liquid: LiquidDirective = { '@liquid': '{{ a }}' }
  const replace: ReplaceDirective = {
    '@replace': { pattern: 'a', replacement: 'b', pattern2: '', replacement2: '', global: true, ignorecase: true }
  }
  const metadata: DirectiveMetadata = { _metadata: { label: 'a', type: 'literal' } }
  const primitive: PrimitiveValue = null
  const all: Directive[] = [path, arrayPath, caseDirective, ifDirective, json, literal, template, flatten, merge]
  all.push(transformDirective, exclude, liquid, replace)
  const guards: boolean[] = [
    isDirective(value),
    isArrayPathDirective(value),
    isCaseDirective(value),
    isExcludeWhenNullDirective(value),
    isFlattenDirective(value),
    isIfDirective(value),
    isJSONDirective(value),
    isLiquidDirective(value),
    isLiteralDirective(value),
    isMergeDirective(value),
    isPathDirective(value),
    isReplaceDirective(value),
    isTemplateDirective(value),
    isTransformDirective(value)
  ]
  const keys: string[] = getFieldValueKeys(value).concat(getRawKeys(value), getTemplateKeys('{{a}}'))
  return [all, guards, keys, metadata, primitive, getFieldValue(value)]
}
