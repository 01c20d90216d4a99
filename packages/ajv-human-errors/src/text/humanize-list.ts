/** `a`, `a or b`, `a, b, or c` (serial comma); an empty list reads `nothing`. */
export function humanizeList(items: readonly string[], conjunction = 'or'): string {
  if (items.length === 0) return 'nothing'
  if (items.length === 1) return items[0]
  if (items.length === 2) return `${items[0]} ${conjunction} ${items[1]}`
  return `${items.slice(0, -1).join(', ')}, ${conjunction} ${items[items.length - 1]}`
}
