/** Mixpanel data residency: one API host per region. */
export const API_HOSTS = {
  US: 'https://api.mixpanel.com',
  EU: 'https://api-eu.mixpanel.com',
  IN: 'https://api-in.mixpanel.com'
} as const

export type MixpanelRegion = keyof typeof API_HOSTS

export function apiHost(region: string | undefined): string {
  const key = region ?? 'US'
  if (!Object.prototype.hasOwnProperty.call(API_HOSTS, key)) {
    throw new Error(`Mixpanel setting "apiRegion": "${region}" is not one of ${Object.keys(API_HOSTS).join(', ')}`)
  }
  return API_HOSTS[key as MixpanelRegion]
}
