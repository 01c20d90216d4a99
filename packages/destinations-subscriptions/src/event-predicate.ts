/** A compiled query: true when the event matches. Never throws. */
export type EventPredicate = (event: unknown) => boolean
