import fs from 'fs'
import path from 'path'
import ts from 'typescript'
import { runCli } from './helpers/run-cli'
import { makeTempDir, removeDir, REPO_ROOT } from './helpers/temp-dir'

// The browser template, scaffolded into a temp copy of the browser-destinations layout
// (<dir>/runtime re-exports the package's runtime; destinations live in <dir>/destinations/<slug>),
// then given its generated types and an action, and type-checked strictly.

const RUNTIME = path.join(REPO_ROOT, 'packages', 'browser-destinations', 'src', 'runtime')

function typeErrors(files: string[]): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2021,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    esModuleInterop: true,
    skipLibCheck: true
  })
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
}

jest.setTimeout(240_000)

describe('init --template browser', () => {
  let dir: string
  beforeAll(() => {
    dir = makeTempDir('browser-template')
    fs.mkdirSync(path.join(dir, 'runtime'))
    fs.writeFileSync(path.join(dir, 'runtime', 'index.ts'), `export * from ${JSON.stringify(RUNTIME)}\n`)
  })
  afterAll(() => removeDir(dir))

  it('scaffolds a destination that fits browser-destinations and type-checks with an action', async () => {
    const init = await runCli(
      [
        'init',
        '--name',
        'My Web Tool',
        '--slug',
        'actions-my-web-tool',
        '--template',
        'browser',
        '--directory',
        'destinations'
      ],
      dir
    )
    expect(init.code).toBe(0)
    const folder = path.join(dir, 'destinations', 'my-web-tool')
    expect(fs.readdirSync(folder).sort()).toEqual(expect.arrayContaining(['index.ts', 'plugins.ts']))
    const entry = path.join(folder, 'index.ts')
    const source = fs.readFileSync(entry, 'utf8')
    expect(source).toContain("from '../../runtime'")
    expect(source).not.toContain('browser-destination-runtime')
    // init generates the destination's types itself, as for cloud templates
    expect(`${init.stdout}${init.stderr}`).not.toContain('Types were not generated')
    expect(fs.existsSync(path.join(folder, 'generated-types.ts'))).toBe(true)

    const action = await runCli(
      ['generate:action', 'trackEvent', 'browser', '--path', entry, '--title', 'Track Event'],
      dir
    )
    expect(action.code).toBe(0)
    const types = await runCli(['generate:types', '--path', entry], dir)
    expect(types.code).toBe(0)
    expect(fs.existsSync(path.join(folder, 'generated-types.ts'))).toBe(true)
    expect(fs.existsSync(path.join(folder, 'trackEvent', 'generated-types.ts'))).toBe(true)

    expect(typeErrors([entry, path.join(folder, 'plugins.ts'), path.join(folder, 'trackEvent', 'index.ts')])).toEqual(
      []
    )
  })
})
