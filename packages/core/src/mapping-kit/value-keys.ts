import { ValidationError } from './errors'
import { MAX_MAPPING_DEPTH } from './validate'
import { getLiquidKeys } from './liquid'
import type {
  ArrayPathDirective,
  CaseDirective,
  Directive,
  ExcludeWhenNullDirective,
  FieldValue,
  FlattenDirective,
  IfDirective,
  JSONDirective,
  LiquidDirective,
  LiteralDirective,
  MergeDirective,
  PathDirective,
  ReplaceDirective,
  TemplateDirective,
  TransformDirective
} from './types'

// The directive types are importable from here too, as from the reference's `mapping-kit/value-keys`.
export type {
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
} from './types'

function hasKey(value: unknown, key: string): value is Record<string, unknown> {
  return isDirective(value as FieldValue) && Object.prototype.hasOwnProperty.call(value, key)
}

function isObjectArgument(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

export function isDirective(value: FieldValue): value is Directive {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  return Object.keys(value).some((key) => key.startsWith('@'))
}

export function isLiteralDirective(value: FieldValue): value is LiteralDirective {
  return hasKey(value, '@literal')
}

export function isTemplateDirective(value: FieldValue): value is TemplateDirective {
  return hasKey(value, '@template') && typeof value['@template'] === 'string'
}

export function isPathDirective(value: FieldValue): value is PathDirective {
  return hasKey(value, '@path') && typeof value['@path'] === 'string'
}

export function isIfDirective(value: FieldValue): value is IfDirective {
  if (!hasKey(value, '@if') || !isObjectArgument(value['@if'])) return false
  const argument = value['@if'] as Record<string, unknown>
  return argument.exists !== undefined || argument.blank !== undefined
}

export function isArrayPathDirective(value: FieldValue): value is ArrayPathDirective {
  return hasKey(value, '@arrayPath') && Array.isArray(value['@arrayPath'])
}

export function isCaseDirective(value: FieldValue): value is CaseDirective {
  return hasKey(value, '@case') && isObjectArgument(value['@case'])
}

export function isReplaceDirective(value: FieldValue): value is ReplaceDirective {
  return hasKey(value, '@replace') && isObjectArgument(value['@replace'])
}

export function isJSONDirective(value: FieldValue): value is JSONDirective {
  return hasKey(value, '@json') && isObjectArgument(value['@json'])
}

export function isFlattenDirective(value: FieldValue): value is FlattenDirective {
  return hasKey(value, '@flatten') && isObjectArgument(value['@flatten'])
}

export function isMergeDirective(value: FieldValue): value is MergeDirective {
  return hasKey(value, '@merge') && isObjectArgument(value['@merge'])
}

export function isTransformDirective(value: FieldValue): value is TransformDirective {
  return hasKey(value, '@transform') && isObjectArgument(value['@transform'])
}

export function isExcludeWhenNullDirective(value: FieldValue): value is ExcludeWhenNullDirective {
  return hasKey(value, '@excludeWhenNull')
}

export function isLiquidDirective(value: FieldValue): value is LiquidDirective {
  return hasKey(value, '@liquid') && typeof value['@liquid'] === 'string'
}

/** The value of a field as stored (directives included), as the reference returns it. */
export function getFieldValue(value: FieldValue): unknown {
  return value
}

/** The `{{ … }}` placeholders of a template, as written (not trimmed). */
export function getTemplateKeys(input: string): string[] {
  return Array.from(input.matchAll(/\{\{(.*?)\}\}/g), (match) => match[1])
}

function argumentOf(value: Record<string, unknown>, directive: string, key: string): FieldValue {
  const argument = value[directive]
  return isObjectArgument(argument) ? ((argument as Record<string, unknown>)[key] as FieldValue) : undefined
}

/**
 * The event paths a field value reads: `@path` paths, template placeholders, Liquid variables,
 * and those inside `@if`, `@case`, `@replace`, `@json`, `@flatten` and `@arrayPath` item shapes.
 */
export function getFieldValueKeys(value: FieldValue): string[] {
  return keysOf(value, 0)
}

function keysOf(value: FieldValue, depth: number): string[] {
  if (value === null || typeof value !== 'object') return []
  // A cyclic or absurdly deep mapping (validation refuses both) must not exhaust the stack here.
  if (depth > MAX_MAPPING_DEPTH)
    throw new ValidationError(`The mapping is nested deeper than ${MAX_MAPPING_DEPTH} levels.`)
  if (Array.isArray(value)) return []
  const record = value as Record<string, unknown>
  if (hasKey(value, '@path')) return [record['@path'] as string]
  if (hasKey(value, '@template')) {
    return typeof record['@template'] === 'string' ? getTemplateKeys(record['@template']) : []
  }
  if (hasKey(value, '@liquid')) return typeof record['@liquid'] === 'string' ? getLiquidKeys(record['@liquid']) : []
  if (hasKey(value, '@if')) {
    return ['exists', 'blank', 'then', 'else'].flatMap((key) => keysOf(argumentOf(record, '@if', key), depth + 1))
  }
  if (hasKey(value, '@arrayPath')) {
    const argument = record['@arrayPath']
    return Array.isArray(argument) ? keysOf(argument[1] as FieldValue, depth + 1) : []
  }
  for (const directive of ['@case', '@replace', '@json', '@flatten']) {
    if (hasKey(value, directive)) return keysOf(argumentOf(record, directive, 'value'), depth + 1)
  }
  if (isDirective(value)) return []
  return Object.values(record).flatMap((item) => keysOf(item as FieldValue, depth + 1))
}

/** Same as getFieldValueKeys (kept for the reference's public surface). */
export function getRawKeys(input: FieldValue): string[] {
  return getFieldValueKeys(input)
}
