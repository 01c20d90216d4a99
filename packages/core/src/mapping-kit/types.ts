import type { JSONObject } from '../json-object'

type ValueType = 'enrichment' | 'function' | 'literal' | 'variable'

export interface DirectiveMetadata {
  _metadata?: {
    label?: string
    type: ValueType
  }
}

export type PrimitiveValue = boolean | number | string | null

export type FieldValue = Directive | PrimitiveValue | { [key: string]: FieldValue } | FieldValue[] | undefined

export interface LiteralDirective extends DirectiveMetadata {
  '@literal': PrimitiveValue | Record<string, FieldValue>
}

export interface TemplateDirective extends DirectiveMetadata {
  '@template': string
}

export interface PathDirective extends DirectiveMetadata {
  '@path': string
}

type RequireOnlyOne<T, Keys extends keyof T = keyof T> = {
  [K in Keys]-?: Partial<Record<Exclude<Keys, K>, undefined>> & Required<Pick<T, K>>
}[Keys] &
  Pick<T, Exclude<keyof T, Keys>>

export interface IfDirective extends DirectiveMetadata {
  '@if': RequireOnlyOne<
    {
      blank?: FieldValue
      else?: FieldValue
      exists?: FieldValue
      then: FieldValue
    },
    'blank' | 'exists'
  >
}

export interface ArrayPathDirective extends DirectiveMetadata {
  '@arrayPath': [Directive | string, { [key: string]: FieldValue } | undefined] | [Directive | string]
}

export interface CaseDirective extends DirectiveMetadata {
  '@case': {
    operator: string
    value?: FieldValue
  }
}

export interface ReplaceDirective extends DirectiveMetadata {
  '@replace': {
    global: PrimitiveValue
    ignorecase: PrimitiveValue
    pattern: string
    replacement: string
    pattern2: string
    replacement2: string
    value?: FieldValue
  }
}

export interface JSONDirective extends DirectiveMetadata {
  '@json': {
    value: FieldValue
    mode: PrimitiveValue
  }
}

export interface FlattenDirective extends DirectiveMetadata {
  '@flatten': {
    value: FieldValue
    separator: string
    omitArrays?: boolean
  }
}

export interface MergeDirective extends DirectiveMetadata {
  '@merge': {
    objects: { [key: string]: FieldValue }[]
    direction: 'left' | 'right'
  }
}

export interface TransformDirective extends DirectiveMetadata {
  '@transform': {
    apply: FieldValue
    mapping: FieldValue
  }
}

export interface ExcludeWhenNullDirective extends DirectiveMetadata {
  '@excludeWhenNull': FieldValue
}

export interface LiquidDirective extends DirectiveMetadata {
  '@liquid': string
}

export type Directive =
  | ArrayPathDirective
  | CaseDirective
  | IfDirective
  | LiteralDirective
  | PathDirective
  | ReplaceDirective
  | TemplateDirective
  | JSONDirective
  | FlattenDirective
  | MergeDirective
  | TransformDirective
  | ExcludeWhenNullDirective
  | LiquidDirective

export type InputData = { [key: string]: unknown }

export type Features = { [key: string]: boolean }

/** Optional metrics sink, structurally compatible with destination-kit's StatsContext. */
export interface StatsContext {
  statsClient?: unknown
  tags?: string[]
  [key: string]: unknown
}

export type { JSONObject }
