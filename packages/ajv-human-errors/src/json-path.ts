/** Splits a JSON pointer (`/a/b~1c`) into its unescaped segments. `''` is the root. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return []
  // Ajv pointers always start with `/`; tolerate a missing one rather than dropping a segment.
  const body = pointer.startsWith('/') ? pointer.slice(1) : pointer
  return body.split('/').map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/**
 * A JSON pointer as a JSONPath-like string: `/user/tags/1` -> `$.user.tags[1]`.
 * Digit-only segments become indexes; dots inside a key are escaped (`$.a\.b`).
 */
export function jsonPathFromPointer(pointer: string): string {
  let path = '$'
  for (const segment of pointerSegments(pointer)) {
    path += /^\d+$/.test(segment) ? `[${segment}]` : `.${segment.replace(/\./g, '\\.')}`
  }
  return path
}
