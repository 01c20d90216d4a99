// JSON-shaped values as mapping-kit and destinations exchange them.
export type JSONPrimitive = string | number | boolean | null
export type JSONValue = JSONPrimitive | JSONObject | JSONArray
export type JSONObject = { [member: string]: JSONValue }
export type JSONArray = Array<JSONValue>

// Like JSON, but also what JavaScript callers hand us before serialisation: dates and undefined.
export type JSONLike = JSONPrimitive | JSONLikeObject | Array<JSONLike> | Date | undefined
export type JSONLikeObject = {
  [member: string]: JSONLike
  [member: number]: JSONLike
}
