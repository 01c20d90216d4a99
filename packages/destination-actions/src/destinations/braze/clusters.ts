/** Braze REST endpoints by dashboard cluster (the instance shown in the dashboard URL). */
export const CLUSTERS: Record<string, string> = {
  'US-01': 'https://rest.iad-01.braze.com',
  'US-02': 'https://rest.iad-02.braze.com',
  'US-03': 'https://rest.iad-03.braze.com',
  'US-04': 'https://rest.iad-04.braze.com',
  'US-05': 'https://rest.iad-05.braze.com',
  'US-06': 'https://rest.iad-06.braze.com',
  'US-07': 'https://rest.iad-07.braze.com',
  'US-08': 'https://rest.iad-08.braze.com',
  'EU-01': 'https://rest.fra-01.braze.eu',
  'EU-02': 'https://rest.fra-02.braze.eu'
}

export function restEndpoint(cluster: string): string {
  if (!Object.prototype.hasOwnProperty.call(CLUSTERS, cluster)) {
    throw new Error(`Braze setting "cluster": "${cluster}" is not one of ${Object.keys(CLUSTERS).join(', ')}`)
  }
  return CLUSTERS[cluster]
}
