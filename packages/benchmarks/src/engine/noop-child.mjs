// The bare HTTP baseline: a Node http server that reads each body and answers 200, nothing else.
import http from 'http'

const server = http.createServer((req, res) => {
  req.on('data', () => undefined)
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end('{"success":true}')
  })
})
server.keepAliveTimeout = 60_000
server.listen(0, '127.0.0.1', () => process.send({ url: `http://127.0.0.1:${server.address().port}` }))
process.on('message', (message) => {
  if (message === 'stop') process.exit(0)
})
