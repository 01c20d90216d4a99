/** Destination templates `init` offers, with the words shown in the prompt. */
export const DESTINATION_TEMPLATES = {
  minimal: 'Minimal: no authentication fields',
  'custom-auth': 'Custom authentication: an API key setting',
  'basic-auth': 'Basic authentication: username and password',
  'oauth2-auth': 'OAuth 2.0 authentication',
  'audience-custom-auth': 'Audience destination with custom (API key) authentication',
  'audience-oauth2': 'Audience destination with OAuth 2.0 authentication',
  browser: 'Browser (device-mode) destination'
} as const

export type DestinationTemplate = keyof typeof DESTINATION_TEMPLATES

export const TEMPLATE_NAMES = Object.keys(DESTINATION_TEMPLATES) as DestinationTemplate[]
