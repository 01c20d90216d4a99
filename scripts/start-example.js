#!/usr/bin/env node
// `yarn start`: the delivery engine on the example configuration, with the example's local
// receiver standing in for the Webhook's API, so a fresh clone runs the whole flow with one command.
const { spawn } = require('child_process')
const path = require('path')

const root = path.join(__dirname, '..')
const config = path.join(root, 'packages/delivery/examples/webhook.json')
const children = [
  spawn(process.execPath, [path.join(root, 'packages/delivery/examples/receiver.js')], { stdio: 'inherit' }),
  spawn(process.execPath, [path.join(root, 'bin/run'), 'deliver', '--config', config, ...process.argv.slice(2)], {
    stdio: 'inherit'
  })
]

let stopping = false
function stop(signal) {
  if (stopping) return
  stopping = true
  for (const child of children) if (child.exitCode === null) child.kill(signal)
}
process.on('SIGINT', () => stop('SIGINT'))
process.on('SIGTERM', () => stop('SIGTERM'))

console.log(`
Try it:
  curl -u example-write-key: -H 'content-type: application/json' \\
    -d '{"userId":"u1","event":"Order Completed","properties":{"total":12}}' http://127.0.0.1:3100/v1/track
The receiver prints what the engine delivers; the console is at http://127.0.0.1:3100/ (Ctrl-C stops both).
`)

// When either stops, stop the other; exit with the engine's code.
for (const child of children) {
  child.on('exit', (code) => {
    stop('SIGTERM')
    if (child === children[1]) process.exitCode = code ?? 1
  })
}
