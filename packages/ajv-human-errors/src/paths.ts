/** Splits a JSON pointer (`/a~1b/0`) into its decoded segments (`['a/b', '0']`). */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return []
  const segments = pointer.split('/')
  // A well-formed pointer starts with '/', which leaves an empty first segment.
  if (segments[0] === '') segments.shift()
  return segments.map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** JSONPath-like form of a JSON pointer: `/user/tags/1` -> `$.user.tags[1]`, dots in keys escaped. */
export function jsonPath(pointer: string): string {
  let path = '$'
  for (const segment of pointerSegments(pointer)) {
    path += /^\d+$/.test(segment) ? `[${segment}]` : `.${segment.replace(/\./g, '\\.')}`
  }
  return path
}
