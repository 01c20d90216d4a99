import type { AjvErrorView } from './ajv-error-view'

/**
 * The custom `errorMessage` schema keyword replaces the generated sentence. A string applies to
 * every error of that schema; an object (the ajv-errors style) applies per keyword.
 */
export function customMessage({
  parentSchema,
  keyword
}: Pick<AjvErrorView, 'parentSchema' | 'keyword'>): string | undefined {
  const setting = parentSchema?.errorMessage
  if (typeof setting === 'string') return setting.trim() === '' ? undefined : setting
  if (typeof setting === 'object' && setting !== null && Object.prototype.hasOwnProperty.call(setting, keyword)) {
    const perKeyword: unknown = (setting as Record<string, unknown>)[keyword]
    if (typeof perKeyword === 'string' && perKeyword.trim() !== '') return perKeyword
  }
  return undefined
}
