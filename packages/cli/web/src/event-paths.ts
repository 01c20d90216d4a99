/** Every path in an event, as mapping `@path` directives write them: `$.properties.total`. */
export function eventPaths(event: unknown, prefix = '$', depth = 0): string[] {
  if (event === null || typeof event !== 'object' || Array.isArray(event) || depth > 6) return []
  const paths: string[] = []
  for (const [key, value] of Object.entries(event as Record<string, unknown>)) {
    // Keys that are not plain identifiers need the bracket form.
    const path = /^[A-Za-z_$][\w$]*$/.test(key) ? `${prefix}.${key}` : `${prefix}['${key.replace(/'/g, "\\'")}']`
    paths.push(path)
    paths.push(...eventPaths(value, path, depth + 1))
  }
  return paths
}
