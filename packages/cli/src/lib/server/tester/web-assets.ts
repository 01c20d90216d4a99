import express, { type Express } from 'express'
import fs from 'fs'
import path from 'path'

/** Where `yarn build` (the cli's `bundle` script) writes the page: packages/cli/dist/web. */
export const WEB_DIST_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'dist', 'web')

export const PAGE_NOT_BUILT =
  'The Actions Tester page is not built. Run "yarn build" at the repository root ' +
  '(or "npm run bundle" in packages/cli), then reload this page.'

/** The page at GET / and its files under /assets, all from disk: nothing comes from a CDN. */
export function mountWebPage(app: Express, directory = WEB_DIST_DIR): void {
  app.get('/', (_req, res) => {
    const index = path.join(directory, 'index.html')
    if (!fs.existsSync(index)) {
      res.status(503).type('text/plain').send(PAGE_NOT_BUILT)
      return
    }
    res.type('html').sendFile(index)
  })
  app.use('/assets', express.static(path.join(directory, 'assets'), { fallthrough: false, index: false }))
}
