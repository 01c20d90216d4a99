/** "My Tool (Actions)" -> "my-tool-actions": lower case words joined by dashes. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** The reference's convention: cloud destination slugs start with "actions-". */
export function destinationSlug(name: string): string {
  const base = slugify(name.replace(/\(actions\)/i, ''))
  return base.startsWith('actions-') ? base : `actions-${base}`
}

/** "Post To Channel" / "post-to-channel" -> "postToChannel", a valid identifier for the actions map. */
export function actionKey(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean)
  if (words.length === 0) return ''
  const key = words
    .map((word, i) => (i === 0 ? word[0].toLowerCase() + word.slice(1) : word[0].toUpperCase() + word.slice(1)))
    .join('')
  return /^[0-9]/.test(key) ? `_${key}` : key
}

/** "postToChannel" -> "Post To Channel", a default title. */
export function titleFromKey(key: string): string {
  return key
    .replace(/[-_]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/\b\w/g, (c) => c.toUpperCase())
    .trim()
}

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/
