import { spawn, type ChildProcess } from 'child_process'
import fs from 'fs'
import path from 'path'
import { CLI_BIN, runCli } from './helpers/run-cli'
import { startFakeApi, type FakeApi } from './helpers/fake-api'
import { makeTempDir, removeDir } from './helpers/temp-dir'

// A destination written for the test: one action posting its payload to the endpoint in settings.
const DESTINATION = `import type { ActionDefinition, DestinationDefinition } from '@action-destinations/core'

interface Settings {
  apiKey: string
  endpoint: string
}
interface Payload {
  name: string
  count?: number
}

const send: ActionDefinition<Settings, Payload> = {
  title: 'Send',
  description: 'Posts the payload.',
  fields: {
    name: { label: 'Name', description: 'A name.', type: 'string', required: true },
    count: { label: 'Count', description: 'A count.', type: 'integer' }
  },
  perform: (request, { payload, settings }) => {
    return request(settings.endpoint + '/v1/events', { method: 'post', json: payload })
  }
}

const destination: DestinationDefinition<Settings> = {
  name: 'Serve Fixture',
  slug: 'actions-serve-fixture',
  mode: 'cloud',
  description: 'Fixture for the serve test.',
  authentication: {
    scheme: 'custom',
    fields: {
      apiKey: { label: 'API Key', description: 'Key.', type: 'password', required: true },
      endpoint: { label: 'Endpoint', description: 'Base URL.', type: 'string', required: true }
    }
  },
  extendRequest: ({ settings }) => ({ headers: { Authorization: 'Bearer ' + settings.apiKey } }),
  actions: { send }
}

export default destination
`

function waitForUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), timeoutMs)
    const onData = (chunk: Buffer): void => {
      out += chunk.toString()
      const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (match) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`serve exited with ${String(code)}: ${out}`))
    })
  })
}

describe('serve end to end', () => {
  let dir: string
  let api: FakeApi
  let child: ChildProcess
  let base: string
  let output = ''
  const settings = (): Record<string, string> => ({ apiKey: 'sekrit', endpoint: api.url })

  beforeAll(async () => {
    dir = makeTempDir('serve')
    fs.mkdirSync(path.join(dir, 'fixture'))
    fs.writeFileSync(path.join(dir, 'fixture', 'index.ts'), DESTINATION)
    api = await startFakeApi()
    child = spawn(process.execPath, [CLI_BIN, 'serve', '--destination', './fixture', '--port', '0'], {
      cwd: dir,
      env: { ...process.env, ACTION_DESTINATIONS_CLI_SOURCE: '1', FORCE_COLOR: '0', DEBUG: 'action-destinations:*' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    base = await waitForUrl(child, 60_000)
  }, 90_000)

  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
    await api.close()
    removeDir(dir)
  })

  const post = async (route: string, body: unknown): Promise<{ status: number; json: unknown }> => {
    const res = await fetch(`${base}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body)
    })
    return { status: res.status, json: await res.json() }
  }

  it('listens on 127.0.0.1 and answers the manifest', async () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const manifest = (await (await fetch(`${base}/manifest`)).json()) as {
      destination: { name: string; settings: Record<string, unknown> }
      actions: Record<string, { fields: Record<string, unknown> }>
    }
    expect(manifest.destination.name).toBe('Serve Fixture')
    expect(Object.keys(manifest.destination.settings)).toEqual(['apiKey', 'endpoint'])
    expect(Object.keys(manifest.actions.send.fields)).toEqual(['name', 'count'])
  })

  it('runs an action against the partner API and answers with the redacted exchange', async () => {
    const { status, json } = await post('/send', { payload: { name: 'Ada', count: 2 }, settings: settings() })
    expect(status).toBe(200)
    const exchanges = json as Array<{ request: Record<string, unknown>; response: Record<string, unknown> }>
    expect(exchanges).toHaveLength(1)
    expect(exchanges[0].request).toMatchObject({
      method: 'POST',
      url: `${api.url}/v1/events`,
      body: { name: 'Ada', count: 2 }
    })
    expect((exchanges[0].request.headers as Record<string, string>).authorization).toBe('***')
    expect(exchanges[0].response).toMatchObject({ status: 200, body: { ok: true } })
    expect(api.received.at(-1)).toMatchObject({ url: '/v1/events' })
    expect(api.received.at(-1)?.headers.authorization).toBe('Bearer sekrit')
    expect(JSON.stringify(json)).not.toContain('sekrit')
  })

  it('maps an event with a mapping', async () => {
    const { status } = await post('/send', {
      payload: { userId: 'u1', properties: { who: 'Grace' } },
      mapping: { name: { '@path': '$.properties.who' } },
      settings: settings()
    })
    expect(status).toBe(200)
    expect(JSON.parse(api.received.at(-1)?.body ?? '{}')).toEqual({ name: 'Grace' })
  })

  it('answers bad input with 4xx JSON errors and keeps running', async () => {
    const badJson = await post('/send', '{"payload":')
    expect(badJson.status).toBe(400)
    expect(badJson.json).toMatchObject({ error: { message: expect.stringContaining('not valid JSON') } })

    const unknown = await post('/nope', { payload: {} })
    expect(unknown.status).toBe(404)
    expect(unknown.json).toMatchObject({ error: { message: 'Unknown action "nope" (actions: send)' } })

    const badMapping = await post('/send', { payload: {}, mapping: { name: { '@path': 12 } }, settings: settings() })
    expect(badMapping.status).toBeGreaterThanOrEqual(400)
    expect(badMapping.status).toBeLessThan(500)
    expect(badMapping.json).toMatchObject({ error: { message: expect.any(String) } })

    const badPayload = await post('/send', { payload: { count: 'many' }, settings: settings() })
    expect(badPayload.status).toBe(400)
    expect(badPayload.json).toMatchObject({ error: { message: expect.stringContaining('name') } })

    expect((await fetch(`${base}/manifest`)).status).toBe(200)
  })

  it('reloads the destination when its file changes', async () => {
    const file = path.join(dir, 'fixture', 'index.ts')
    fs.writeFileSync(file, DESTINATION.replace("'/v1/events'", "'/v2/events'"))
    const deadline = Date.now() + 15_000
    let url = ''
    while (Date.now() < deadline) {
      await post('/send', { payload: { name: 'Ada' }, settings: settings() })
      url = api.received.at(-1)?.url ?? ''
      if (url === '/v2/events') break
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    expect(url).toBe('/v2/events')
  }, 30_000)

  it('keeps the previous code when a reload fails, says where, and exposes it in GET /tester-api/status', async () => {
    const file = path.join(dir, 'fixture', 'index.ts')
    const status = async () =>
      (await (await fetch(`${base}/tester-api/status`)).json()) as {
        reload: { state: string; error: { message: string; file?: string; line?: number; column?: number } | null }
      }
    const waitFor = async (done: (s: Awaited<ReturnType<typeof status>>) => boolean) => {
      const deadline = Date.now() + 20_000
      let value = await status()
      while (!done(value) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200))
        value = await status()
      }
      return value
    }
    const where = path.join('fixture', 'index.ts')

    fs.writeFileSync(file, "throw new Error('bad configuration')\n" + DESTINATION)
    const thrown = await waitFor((s) => s.reload.state === 'failed')
    expect(thrown.reload.error).toMatchObject({ message: 'bad configuration', file: where, line: 1 })
    expect(output).toContain(`Reload failed, keeping the previous version: ${where}:1:`)
    // The previous code still runs.
    expect((await post('/send', { payload: { name: 'Ada' }, settings: settings() })).status).toBe(200)

    fs.writeFileSync(file, DESTINATION.replace('const send:', 'const send = {\nconst oops:'))
    const syntax = await waitFor((s) => s.reload.state === 'failed' && s.reload.error?.message !== 'bad configuration')
    expect(syntax.reload.error).toMatchObject({ file: where, line: expect.any(Number), column: expect.any(Number) })
    expect(JSON.stringify(syntax)).not.toContain(dir)

    fs.writeFileSync(file, DESTINATION)
    expect((await waitFor((s) => s.reload.state === 'ok')).reload).toMatchObject({ state: 'ok', error: null })
  }, 60_000)

  it('logs each request with its outcome and the error of a failure, also under DEBUG', async () => {
    await post('/send', { payload: { name: 'Ada' }, settings: { endpoint: api.url } })
    // The server logs right after it answers: the line may reach this process after the answer.
    const logged = /POST \/send -> 400 \(\d+ ms\): POST \/send: invalid settings: settings\.apiKey: /
    for (const deadline = Date.now() + 5000; !logged.test(output) && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(output).toMatch(logged)
    // DEBUG=action-destinations:* shows the CLI's own namespaces.
    expect(output).toMatch(/action-destinations:serve:request POST \/send -> 400/)
    expect(output).toMatch(/action-destinations:serve:reload (reloaded|change)/)
  })

  it('mentions the Actions Tester page in serve --help', async () => {
    const { code, stdout } = await runCli(['serve', '--help'], dir)
    expect(code).toBe(0)
    expect(stdout).toContain('Actions Tester page')
  }, 60_000)
})
