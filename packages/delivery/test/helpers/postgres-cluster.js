// Starts and stops a throw-away PostgreSQL cluster for the tests: initdb in a temp folder (as the
// postgres OS user when running as root), a free 127.0.0.1 port, the socket in the same folder,
// fsync off. Plain JavaScript because jest loads global setups without ts-jest.
const { execFileSync } = require('child_process')
const fs = require('fs')
const net = require('net')
const os = require('os')
const path = require('path')

const DATABASE = 'delivery_test'

function findPostgresBin() {
  const root = '/usr/lib/postgresql'
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  if (versions.length === 0) {
    throw new Error(
      `The delivery tests need PostgreSQL, and no initdb was found under ${root}/*/bin: ` +
        'run "node scripts/ensure-postgres.js" (installs Debian\'s postgresql) and try again'
    )
  }
  return path.join(root, versions[0], 'bin')
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** Runs a PostgreSQL program, as the postgres user when we are root (PostgreSQL refuses to run as root). */
function runAs(bin, program, args) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const [command, fullArgs] = isRoot
    ? ['runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args]]
    : [path.join(bin, program), args]
  try {
    return execFileSync(command, fullArgs, { stdio: 'pipe', timeout: 60_000 }).toString()
  } catch (error) {
    const output = `${error.stdout || ''}${error.stderr || ''}`.trim()
    throw new Error(`PostgreSQL test cluster: ${program} failed: ${output || error.message}`)
  }
}

async function startCluster() {
  const bin = findPostgresBin()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'delivery-pg-'))
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (isRoot) execFileSync('chown', ['-R', 'postgres:', dir])
  const data = path.join(dir, 'data')
  const port = await freePort()
  const cluster = { bin, dir, data, port, url: `postgres://postgres@127.0.0.1:${port}/${DATABASE}` }
  try {
    runAs(bin, 'initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync'])
    const serverOptions = [
      `-p ${port}`,
      "-c listen_addresses='127.0.0.1'",
      `-c unix_socket_directories='${dir}'`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200'
    ].join(' ')
    runAs(bin, 'pg_ctl', [
      '-D',
      data,
      '-o',
      serverOptions,
      '-l',
      path.join(dir, 'server.log'),
      '-w',
      '-t',
      '60',
      'start'
    ])
    runAs(bin, 'createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', DATABASE])
  } catch (error) {
    stopCluster(cluster)
    throw error
  }
  return cluster
}

function stopCluster(cluster) {
  try {
    if (fs.existsSync(path.join(cluster.data, 'postmaster.pid'))) {
      runAs(cluster.bin, 'pg_ctl', ['-D', cluster.data, '-m', 'immediate', '-w', '-t', '30', 'stop'])
    }
  } finally {
    fs.rmSync(cluster.dir, { recursive: true, force: true })
  }
}

module.exports = { startCluster, stopCluster }
