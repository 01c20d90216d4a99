// "Basic " + base64 of the UTF-8 bytes of "username:password" (missing parts are empty).
export function basicAuthorization(username: string | undefined, password: string | undefined): string {
  const text = `${username ?? ''}:${password ?? ''}`
  if (typeof Buffer !== 'undefined') return `Basic ${Buffer.from(text, 'utf8').toString('base64')}`
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  return `Basic ${btoa(binary)}`
}
