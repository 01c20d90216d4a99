// Gzip size budgets of the destination bundles: shared by the bundle script (fails the build)
// and the jest test (fails CI when bundles grew without the budget being raised on purpose).
const fs = require('fs')
const path = require('path')
const zlib = require('zlib')

const PACKAGE_DIR = path.join(__dirname, '..')
const BUNDLES_DIR = path.join(PACKAGE_DIR, 'dist', 'bundles')
const BUDGET_FILE = path.join(PACKAGE_DIR, 'size-budget.json')

function readBudgets() {
  const parsed = JSON.parse(fs.readFileSync(BUDGET_FILE, 'utf8'))
  if (!parsed || typeof parsed.bundles !== 'object')
    throw new Error(`${BUDGET_FILE}: expected { "bundles": { "<file>": <gzip bytes> } }`)
  return parsed.bundles
}

function gzipSize(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length
}

/**
 * Every built bundle with its gzip size and budget, and the problems: a bundle over budget, a
 * bundle without a budget, or a budgeted bundle that was not built.
 */
function checkBudgets(bundlesDir = BUNDLES_DIR) {
  if (!fs.existsSync(bundlesDir)) {
    return {
      results: [],
      problems: [
        `${bundlesDir} does not exist: build the bundles first ("yarn build", or "npm run bundle" in packages/browser-destinations)`
      ]
    }
  }
  const budgets = readBudgets()
  const files = fs
    .readdirSync(bundlesDir)
    .filter((file) => /\.(m?js)$/.test(file))
    .sort()
  const results = []
  const problems = []
  for (const file of files) {
    const size = gzipSize(path.join(bundlesDir, file))
    const budget = budgets[file]
    results.push({ file, size, budget })
    if (typeof budget !== 'number')
      problems.push(`${file}: ${size} bytes gzipped, but size-budget.json has no budget for it`)
    else if (size > budget)
      problems.push(`${file}: ${size} bytes gzipped is over its budget of ${budget} bytes (size-budget.json)`)
  }
  for (const file of Object.keys(budgets)) {
    if (!files.includes(file)) problems.push(`${file}: has a budget in size-budget.json but was not built`)
  }
  return { results, problems }
}

module.exports = { checkBudgets, BUNDLES_DIR, BUDGET_FILE }
