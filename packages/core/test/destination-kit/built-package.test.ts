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
