export { transform, transformBatch, compiledMappingFor, clearMappingCache } from './transform'
export { compileMapping, type CompiledMapping } from './compile'
export { validate, validate as validateMapping, MAX_MAPPING_DEPTH } from './validate'
export { MappingDataError, MAX_DATA_DEPTH } from './data-depth'
export { ValidationError, MappingAggregateError } from './errors'
export { MAX_PATTERN_LENGTH, MAX_REPLACEMENT_LENGTH } from './directives/replace'
export { MAX_LIQUID_TEMPLATE_LENGTH, evaluateLiquid, getLiquidKeys } from './liquid'
export { flattenObject, MAX_FLATTEN_VALUES } from './flatten'
export { render } from './placeholders'
export { directiveRegistry } from './registry'
export type { DirectiveDefinition, Compiled, CompileContext, ValidateContext, Resolver, FieldRule } from './definition'
export {
  isDirective,
  isLiteralDirective,
  isTemplateDirective,
  isPathDirective,
  isIfDirective,
  isArrayPathDirective,
  isCaseDirective,
  isReplaceDirective,
  isJSONDirective,
  isFlattenDirective,
  isMergeDirective,
  isTransformDirective,
  isExcludeWhenNullDirective,
  isLiquidDirective,
  getFieldValue,
  getFieldValueKeys,
  getRawKeys,
  getTemplateKeys
} from './value-keys'
export type {
  ArrayPathDirective,
  CaseDirective,
  Directive,
  DirectiveMetadata,
  ExcludeWhenNullDirective,
  FieldValue,
  FlattenDirective,
  IfDirective,
  InputData,
  Features,
  JSONDirective,
  LiquidDirective,
  LiteralDirective,
  MergeDirective,
  PathDirective,
  PrimitiveValue,
  ReplaceDirective,
  StatsContext,
  TemplateDirective,
  TransformDirective
} from './types'
export { get } from '../get'
export { removeUndefined } from '../remove-undefined'
export type { JSONPrimitive, JSONValue, JSONObject, JSONArray, JSONLike, JSONLikeObject } from '../json-object'
