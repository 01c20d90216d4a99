import { execFileSync } from 'child_process'
import { existsSync } from 'fs'
import path from 'path'

// Every value export of @segment/actions-core 3.170.0's package root.
const REFERENCE_VALUE_EXPORTS = [
  'Destination',
  'fieldsToJsonSchema',
  'getAuthData',
  'transform',
  'getFieldValue',
  'getFieldValueKeys',
  'isArrayPathDirective',
  'isCaseDirective',
  'isDirective',
  'isIfDirective',
  'isLiteralDirective',
  'isPathDirective',
  'isReplaceDirective',
  'isTemplateDirective',
  'isJSONDirective',
  'isExcludeWhenNullDirective',
  'createTestEvent',
  'createTestIntegration',
  'createInstance',
  'RequestTimeoutError',
  'createRequestClient',
  'defaultValues',
  'IntegrationError',
  'InvalidAuthenticationError',
  'RetryableError',
  'PayloadValidationError',
  'InvalidAudienceMembershipError',
  'SelfTimeoutError',
  'APIError',
  'ErrorCodes',
  'HttpErrorCodes',
  'CustomErrorCodes',
  'getErrorCodeFromHttpStatus',
  'retry',
  'get',
  'omit',
  'removeUndefined',
  'time',
  'duration',
  'realTypeOf',
  'isObject',
  'isArray',
  'isString',
  'HTTPError',
  'DEFAULT_REQUEST_TIMEOUT',
  'fetch',
  'Request',
  'Response',
  'Headers',
  'ActionDestinationSuccessResponse',
  'ActionDestinationErrorResponse',
  'MultiStatusResponse',
  'validateSchema',
  'resolveAudienceMembership',
  'FLAGS'
]

describe('the built package root', () => {
  const root = path.resolve(__dirname, '../../../..')
  beforeAll(() => {
    if (!existsSync(path.join(root, 'packages/core/dist/index.js'))) {
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'packages/core'], { cwd: root })
    }
  }, 120000)

  it('is required by package name and exports every reference name', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const core = require('@action-destinations/core') as Record<string, unknown>
    const missing = REFERENCE_VALUE_EXPORTS.filter((name) => core[name] === undefined)
    expect(missing).toEqual([])
    expect(typeof core.Destination).toBe('function')
  })
})

// The value exports of the reference's subpaths (its `exports` map), required by package name.
const REFERENCE_SUBPATH_VALUE_EXPORTS: Record<string, string[]> = {
  'destination-kit': ['Destination', 'fieldsToJsonSchema', 'hookTypeStrings'],
  'destination-kit/action': [
    'Action',
    'ActionDestinationErrorResponse',
    'ActionDestinationSuccessResponse',
    'MultiStatusResponse',
    'hookTypeStrings'
  ],
  'destination-kit/fields-to-jsonschema': [
    'conditionsToJsonSchema',
    'fieldConditionSingleDependencyToJsonSchema',
    'fieldsToJsonSchema',
    'singleFieldConditionsToJsonSchema'
  ],
  'destination-kit/parse-settings': ['getAuthData', 'getOAuth2Data', 'updateOAuthSettings'],
  'destination-kit/types': ['syncModeTypes'],
  'mapping-kit': ['MAX_PATTERN_LENGTH', 'MAX_REPLACEMENT_LENGTH', 'transform', 'transformBatch'],
  'mapping-kit/flatten': ['flattenObject'],
  'mapping-kit/is-directive': ['isDirective'],
  'mapping-kit/liquid-directive': ['evaluateLiquid', 'getLiquidKeys'],
  'mapping-kit/placeholders': ['render'],
  'mapping-kit/validate': ['default'],
  'mapping-kit/value-keys': [
    'getFieldValue',
    'getFieldValueKeys',
    'getRawKeys',
    'getTemplateKeys',
    'isLiquidDirective'
  ],
  'schema-validation': ['validateSchema']
}

describe('the built package subpaths', () => {
  it.each(Object.keys(REFERENCE_SUBPATH_VALUE_EXPORTS))('%s is required by package name', (subpath) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require(`@action-destinations/core/${subpath}`) as Record<string, unknown>
    const missing = REFERENCE_SUBPATH_VALUE_EXPORTS[subpath].filter((name) => module[name] === undefined)
    expect(missing).toEqual([])
  })
})
