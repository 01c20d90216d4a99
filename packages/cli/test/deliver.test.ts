import { spawn, type ChildProcess } from 'child_process'
import fs from 'fs'
import path from 'path'
import { CLI_BIN, runCli } from './helpers/run-cli'
import { startFakeApi, type FakeApi } from './helpers/fake-api'
import { makeTempDir, removeDir } from './helpers/temp-dir'

function configFor(apiUrl: string, subscribe = 'type = "track"'): unknown {
  return {
    sources: [{ name: 'web', writeKey: 'wk-test' }],
    destinations: [
      {
        name: 'hook',
        destination: 'webhook',
        sources: ['web'],
        settings: {},
        subscriptions: [
          {
            name: 'Tracks',
            enabled: true,
            subscribe,
            partnerAction: 'send',
            mapping: { url: `${apiUrl}/events`, method: 'POST', data: { '@path': '$.properties' } }
          }
        ]
      }
    ]
  }
}

/** Collects a child's stdout; `wait` resolves once the text matches. */
function watchOutput(child: ChildProcess) {
  let out = ''
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()))
  return {
    text: () => out,
    wait: (pattern: RegExp, timeoutMs: number) =>
      until(() => pattern.test(out), timeoutMs).then(() => pattern.exec(out) as RegExpExecArray)
  }
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('deliver command', () => {
  let dir: string
  let api: FakeApi
  let child: ChildProcess | undefined

  beforeEach(async () => {
    dir = makeTempDir('deliver-cli-')
    api = await startFakeApi()
  })
  afterEach(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL')
    await api.close()
    removeDir(dir)
  })

  it('starts on a configuration, delivers a posted event to the API, and exits 0 on SIGTERM', async () => {
    const config = path.join(dir, 'engine.json')
    fs.writeFileSync(config, JSON.stringify(configFor(api.url)))
    child = spawn(process.execPath, [CLI_BIN, 'deliver', '--config', config, '--port', '0', '--log-level', 'warn'], {
      cwd: dir,
      env: { ...process.env, ACTION_DESTINATIONS_CLI_SOURCE: '1', FORCE_COLOR: '0', DELIVERY_ADMIN_TOKEN: '' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)))
    const output = watchOutput(child)
    await output.wait(/Admin token \(generated for this run\): \S+/, 60_000)
    const [, url] = await output.wait(/Delivery engine on (http:\/\/127\.0\.0\.1:\d+)/, 1)
    expect(output.text()).toContain('Instance hook (webhook): 1/1 subscriptions enabled, sources web')
    expect((await fetch(`${url}/health`)).status).toBe(200)
    const ingest = await fetch(`${url}/v1/track`, {
      method: 'POST',
      headers: {
        authorization: 'Basic ' + Buffer.from('wk-test:').toString('base64'),
        'content-type': 'application/json'
      },
      body: JSON.stringify({ userId: 'u1', event: 'Bought', properties: { sku: 'A-1' } })
    })
    expect(ingest.status).toBe(200)
    await until(() => api.received.length > 0, 15_000)
    expect(api.received[0]).toMatchObject({ method: 'POST', url: '/events' })
    expect(JSON.parse(api.received[0].body)).toEqual({ sku: 'A-1' })
    expect(fs.existsSync(path.join(dir, 'delivery.db'))).toBe(true)
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  }, 90_000)

  it('refuses an invalid configuration naming the place, with exit code 1', async () => {
    const config = path.join(dir, 'bad.json')
    fs.writeFileSync(config, JSON.stringify(configFor(api.url, 'type = ')))
    const result = await runCli(['deliver', '--config', config, '--port', '0'], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('destinations[0].subscriptions[0].subscribe: FQL error at line 1, column 8')
  }, 90_000)
})
