/** Segment trait names that Mixpanel shows as built-in profile properties ($-prefixed). */
const RESERVED_TRAITS: Record<string, string> = {
  email: '$email',
  name: '$name',
  first_name: '$first_name',
  firstName: '$first_name',
  last_name: '$last_name',
  lastName: '$last_name',
  phone: '$phone',
  avatar: '$avatar',
  created: '$created',
  createdAt: '$created'
}

export function toProfileProperties(traits: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(traits ?? {})) {
    if (value === undefined) continue
    out[Object.prototype.hasOwnProperty.call(RESERVED_TRAITS, key) ? RESERVED_TRAITS[key] : key] = value
  }
  return out
}
