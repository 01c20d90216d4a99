#!/usr/bin/env node
// A stand-in for the webhook's API: prints each request the engine delivers to 127.0.0.1:3200.
const http = require('http')

const port = Number(process.env.PORT || 3200)
http
  .createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      console.log(`${req.method} ${req.url} ${body.length > 300 ? body.slice(0, 300) + '…' : body}`)
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"ok":true}')
    })
  })
  .listen(port, '127.0.0.1', () => console.log(`receiver listening on http://127.0.0.1:${port}`))
