// Picks one property out of every value of a record: mapValues({ a: { x: 1 } }, 'x') → { a: 1 }.
export function mapValues<
  Values extends Record<string, unknown>,
  Obj extends Record<string, Values>,
  ValueKey extends keyof Values
>(obj: Obj, key: ValueKey): { [K in keyof Obj]: Obj[K][ValueKey] } {
  const result: Record<string, unknown> = {}
  for (const name of Object.keys(obj)) result[name] = obj[name][key]
  return result as { [K in keyof Obj]: Obj[K][ValueKey] }
}
