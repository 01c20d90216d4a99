let codeGenerationAllowed: boolean | undefined

/**
 * Whether `new Function` works here: a Content-Security-Policy without 'unsafe-eval' refuses it,
 * and every generated form (predicates, AST copies, copy checks) then has a plain fallback.
 */
export function canGenerateCode(): boolean {
  if (codeGenerationAllowed === undefined) {
    try {
      codeGenerationAllowed = new Function('return 1')() === 1
    } catch {
      codeGenerationAllowed = false
    }
  }
  return codeGenerationAllowed
}
