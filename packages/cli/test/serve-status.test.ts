import fs from 'fs'
import path from 'path'
import { startServer, type RunningServer } from '../src/lib/server/start-server'
import type { ServerStatusSnapshot } from '../src/lib/server/server-status'
import { makeTempDir, removeDir } from './helpers/temp-dir'

jest.setTimeout(120_000)

// No imports, so the type check only reads this file and the standard library.
const source = (perform: string, before = ''): string => `${before}
const destination = {
  name: 'Status Fixture',
  mode: 'cloud',
  actions: {
    send: {
      title: 'Send',
      description: 'Does nothing.',
      fields: {},
      perform: () => {
        ${perform}
      }
    }
  }
}
export default destination
`

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 90_000
  let value = await read()
  while (!done(value)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
    value = await read()
  }
  return value
}

describe('serve tells when a reload failed or the types are wrong (#17.8, smaller items)', () => {
  let dir: string
  let file: string
  let running: RunningServer
  const lines: string[] = []
  const status = async (): Promise<ServerStatusSnapshot> =>
    (await (await fetch(`${running.url}/tester-api/status`)).json()) as ServerStatusSnapshot

  beforeAll(async () => {
    dir = makeTempDir('status')
    file = path.join(dir, 'fixture', 'index.ts')
    fs.mkdirSync(path.dirname(file))
    fs.writeFileSync(file, source('return 1'))
    running = await startServer({
      entryFile: file,
      port: 0,
      watch: true,
      log: (line) => lines.push(line),
      projectRoot: dir
    })
  })
  afterAll(async () => {
    await running?.close()
    removeDir(dir)
  })

  it('type-checks after start and after each reload, showing errors with file and line', async () => {
    const first = await until(status, (s) => s.typeCheck.state === 'ok', 'the first type check')
    expect(first).toMatchObject({ destination: 'Status Fixture', reload: { state: 'ok', error: null } })

    fs.writeFileSync(file, source("const count: number = 'many'\n        return count"))
    const checked = await until(status, (s) => s.typeCheck.state === 'errors', 'the type errors')
    expect(checked.typeCheck.errors).toEqual([
      {
        message: "Type 'string' is not assignable to type 'number'.",
        file: path.join('fixture', 'index.ts'),
        line: 11,
        column: 15
      }
    ])
    expect(lines).toContain('Type check: 1 error (the code still runs):')
    expect(lines).toContain(
      `  ${path.join('fixture', 'index.ts')}:11:15: Type 'string' is not assignable to type 'number'.`
    )
  })

  it('says where the first load went wrong (the reload cases run in serve.e2e: jest keeps its own module cache)', async () => {
    const thrown = path.join(dir, 'thrown', 'index.ts')
    fs.mkdirSync(path.dirname(thrown))
    fs.writeFileSync(thrown, source('return 1', "throw new Error('bad configuration')"))
    await expect(startServer({ entryFile: thrown, port: 0, watch: false, projectRoot: dir })).rejects.toThrow(
      `Could not load ${path.join('thrown', 'index.ts')}: ${path.join('thrown', 'index.ts')}:1:`
    )
  })

  it('says to use --port when the port is taken', async () => {
    await expect(startServer({ entryFile: file, port: running.port, watch: false })).rejects.toThrow(
      `Port ${running.port} on 127.0.0.1 is already in use (another serve?). Pass --port <number> to pick another one, or --port 0 for any free port.`
    )
  })
})
