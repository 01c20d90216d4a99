// The built bundles (yarn build runs the bundle script) against size-budget.json.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkBudgets, BUNDLES_DIR } = require('../scripts/size-budget.js') as {
  checkBudgets(dir?: string): { results: Array<{ file: string; size: number; budget?: number }>; problems: string[] }
  BUNDLES_DIR: string
}

describe('browser bundle size budgets', () => {
  it('has an ESM and a script-tag bundle per destination, each within its gzip budget', () => {
    const { results, problems } = checkBudgets()
    if (problems.length > 0) throw new Error(`bundle size check failed:\n  ${problems.join('\n  ')}`)
    const files = results.map((result) => result.file)
    for (const slug of ['amplitude-plugins', 'fullstory', 'google-analytics-4-web']) {
      expect(files).toContain(`${slug}.mjs`)
      expect(files).toContain(`${slug}.js`)
    }
  })

  it('says clearly when the bundles are not built', () => {
    const { problems } = checkBudgets(`${BUNDLES_DIR}-missing`)
    expect(problems).toEqual([expect.stringContaining('does not exist: build the bundles first')])
  })
})
