/** HubSpot's single API host; OAuth token exchange lives on it too. */
export const HUBSPOT_BASE_URL = 'https://api.hubapi.com'
export const TOKEN_URL = `${HUBSPOT_BASE_URL}/oauth/v1/token`
export const VENDOR = 'HubSpot'
