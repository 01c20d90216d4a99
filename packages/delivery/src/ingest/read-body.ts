// Reads a request body into memory with a hard bound, decompressing gzip on the way. The bound
// applies to the decompressed bytes too, so a small gzip bomb stops at the limit instead of
// filling memory.
import type { IncomingMessage } from 'http'
import { createGunzip } from 'zlib'
import type { Transform } from 'stream'

export class BodyError extends Error {
  readonly status: number

  constructor(status: number, message: string) {
    super(message)
    this.name = 'BodyError'
    this.status = status
  }
}

export interface ReadBodyOptions {
  /** Most bytes accepted, after decompression. */
  limit: number
  /** Names the limit in the error, e.g. "500 KB per batch request". */
  limitName: string
}

function tooLarge(options: ReadBodyOptions): BodyError {
  return new BodyError(400, `Request body is larger than ${options.limitName} (${options.limit} bytes)`)
}

/** The request's bytes, decompressed when `Content-Encoding: gzip`. */
export function readBody(request: IncomingMessage, options: ReadBodyOptions): Promise<Buffer> {
  const encoding = String(request.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase()
  if (encoding !== 'identity' && encoding !== 'gzip') {
    request.resume()
    return Promise.reject(new BodyError(415, `Unsupported Content-Encoding "${encoding}" (use gzip or none)`))
  }
  const declared = Number(request.headers['content-length'])
  if (encoding === 'identity' && Number.isFinite(declared) && declared > options.limit) {
    request.resume()
    return Promise.reject(tooLarge(options))
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    const gunzip: Transform | undefined = encoding === 'gzip' ? createGunzip() : undefined
    const source = gunzip ?? request

    const fail = (error: BodyError): void => {
      if (settled) return
      settled = true
      if (gunzip) {
        request.unpipe(gunzip)
        gunzip.destroy()
      }
      // Drain what the client still sends so the answer reaches it.
      request.resume()
      reject(error)
    }

    source.on('data', (chunk: Buffer) => {
      if (settled) return
      size += chunk.length
      if (size > options.limit) return fail(tooLarge(options))
      chunks.push(chunk)
    })
    source.on('end', () => {
      if (settled) return
      settled = true
      resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size))
    })
    source.on('error', (error: Error) => {
      fail(
        gunzip && source === gunzip
          ? new BodyError(400, `Invalid gzip body: ${error.message}`)
          : new BodyError(400, error.message)
      )
    })
    // A client that goes away mid-body: settle instead of waiting forever.
    request.on('close', () => {
      if (!request.complete) fail(new BodyError(400, 'The request ended before its body was complete'))
    })
    if (gunzip) {
      // Compressed bytes are bounded too (they can only be smaller than what they inflate to, unless garbage).
      let compressed = 0
      request.on('data', (chunk: Buffer) => {
        compressed += chunk.length
        if (compressed > options.limit) fail(tooLarge(options))
      })
      request.on('error', (error: Error) => fail(new BodyError(400, error.message)))
      request.pipe(gunzip)
    }
  })
}
