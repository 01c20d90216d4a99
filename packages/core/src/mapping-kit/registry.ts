import type { DirectiveDefinition } from './definition'
import { arrayPathDirective } from './directives/array-path'
import { caseDirective } from './directives/case'
import { excludeWhenNullDirective } from './directives/exclude-when-null'
import { flattenDirective } from './directives/flatten'
import { ifDirective } from './directives/if'
import { jsonDirective } from './directives/json'
import { liquidDirective } from './directives/liquid'
import { literalDirective } from './directives/literal'
import { mergeDirective } from './directives/merge'
import { pathDirective } from './directives/path'
import { replaceDirective } from './directives/replace'
import { templateDirective } from './directives/template'
import { transformDirective } from './directives/transform'

/** Every directive, by keyword. A new directive is one file in ./directives plus one line here. */
export const directiveRegistry: ReadonlyMap<string, DirectiveDefinition> = new Map(
  [
    pathDirective,
    templateDirective,
    literalDirective,
    ifDirective,
    caseDirective,
    replaceDirective,
    arrayPathDirective,
    jsonDirective,
    flattenDirective,
    mergeDirective,
    transformDirective,
    excludeWhenNullDirective,
    liquidDirective
  ].map((definition) => [definition.keyword, definition])
)
