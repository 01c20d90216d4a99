/** Amplitude data residency: every API lives on a different host per region. */
export type AmplitudeRegion = 'north_america' | 'europe'

export interface AmplitudeEndpoints {
  httpapi: string
  batch: string
  identify: string
  groupidentify: string
  usermap: string
  deletions: string
  usersearch: string
}

export const ENDPOINTS: Record<AmplitudeRegion, AmplitudeEndpoints> = {
  north_america: {
    httpapi: 'https://api2.amplitude.com/2/httpapi',
    batch: 'https://api2.amplitude.com/batch',
    identify: 'https://api2.amplitude.com/identify',
    groupidentify: 'https://api2.amplitude.com/groupidentify',
    usermap: 'https://api.amplitude.com/usermap',
    deletions: 'https://amplitude.com/api/2/deletions/users',
    usersearch: 'https://amplitude.com/api/2/usersearch'
  },
  europe: {
    httpapi: 'https://api.eu.amplitude.com/2/httpapi',
    batch: 'https://api.eu.amplitude.com/batch',
    identify: 'https://api.eu.amplitude.com/identify',
    groupidentify: 'https://api.eu.amplitude.com/groupidentify',
    usermap: 'https://api.eu.amplitude.com/usermap',
    deletions: 'https://analytics.eu.amplitude.com/api/2/deletions/users',
    usersearch: 'https://analytics.eu.amplitude.com/api/2/usersearch'
  }
}

/** Missing region means the default (North America); an unknown one is a settings mistake worth naming. */
export function endpointsFor(region: string | undefined): AmplitudeEndpoints {
  const key = (region ?? 'north_america') as AmplitudeRegion
  const endpoints = ENDPOINTS[key]
  if (!Object.prototype.hasOwnProperty.call(ENDPOINTS, key) || !endpoints) {
    throw new Error(`Amplitude setting "endpoint": "${region}" is not one of ${Object.keys(ENDPOINTS).join(', ')}`)
  }
  return endpoints
}
