// Shared guard: a response given as data must be a plain object, never null or a primitive.
export function assertResponseData(data: unknown, where: string): asserts data is object {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new TypeError(`${where} expects a response object, got ${data === null ? 'null' : typeof data}`)
  }
}
