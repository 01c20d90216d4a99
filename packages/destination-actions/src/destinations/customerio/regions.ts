/** Customer.io Track API host per account region. */
export const TRACK_HOSTS: Record<string, string> = {
  US: 'https://track.customer.io',
  EU: 'https://track-eu.customer.io'
}

export function trackHost(region: string | undefined): string {
  const key = region ?? 'US'
  if (!Object.prototype.hasOwnProperty.call(TRACK_HOSTS, key)) {
    throw new Error(
      `Customer.io setting "accountRegion": "${region}" is not one of ${Object.keys(TRACK_HOSTS).join(', ')}`
    )
  }
  return TRACK_HOSTS[key]
}

/** Person identifiers go in the path; slashes and spaces in ids must not change the URL's meaning. */
export function customerUrl(region: string | undefined, id: string, suffix = ''): string {
  return `${trackHost(region)}/api/v1/customers/${encodeURIComponent(id)}${suffix}`
}
