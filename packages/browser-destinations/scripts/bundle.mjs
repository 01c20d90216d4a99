// Builds each browser destination into dist/bundles/: an ES module (<slug>.mjs, default export
// the plugin factory) and a script-tag bundle (<slug>.js, the factory as a global), minified,
// then fails if any bundle's gzip size is over its budget in size-budget.json.
import { build } from 'esbuild'
import fs from 'fs'
import path from 'path'
import { fileURLToPath } from 'url'
import sizeBudget from './size-budget.js'

const packageDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..')
const destinationsDir = path.join(packageDir, 'src', 'destinations')
const outDir = path.join(packageDir, 'dist', 'bundles')

/** `google-analytics-4-web` -> `googleAnalytics4WebDestination`, the script-tag global. */
function globalNameFor(slug) {
  const camel = slug.replace(/[-_]+([a-z0-9])/gi, (_match, next) => next.toUpperCase())
  return `${camel}Destination`
}

const shared = {
  bundle: true,
  minify: true,
  sourcemap: false,
  platform: 'browser',
  target: ['es2019'],
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' }
}

const slugs = fs
  .readdirSync(destinationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(destinationsDir, entry.name, 'plugins.ts')))
  .map((entry) => entry.name)
  .sort()

fs.rmSync(outDir, { recursive: true, force: true })
for (const slug of slugs) {
  const entry = path.join(destinationsDir, slug, 'plugins.ts')
  const globalName = globalNameFor(slug)
  await build({ ...shared, entryPoints: [entry], format: 'esm', outfile: path.join(outDir, `${slug}.mjs`) })
  await build({
    ...shared,
    entryPoints: [entry],
    format: 'iife',
    globalName,
    // The global is the plugin factory itself, not the module namespace around it.
    footer: { js: `${globalName}=${globalName}.default;` },
    outfile: path.join(outDir, `${slug}.js`)
  })
}

const { results, problems } = sizeBudget.checkBudgets(outDir)
for (const { file, size, budget } of results) {
  console.log(`  ${file.padEnd(36)} ${String(size).padStart(7)} B gzip (budget ${budget ?? 'none'})`)
}
if (problems.length > 0) {
  console.error(`browser-destinations: bundle size budget exceeded:\n  ${problems.join('\n  ')}`)
  process.exit(1)
}
