export { manifest, destinations, getDestinationById, getDestinationByIdOrKey } from './destinations'
export type { ManifestEntry } from './destinations'
