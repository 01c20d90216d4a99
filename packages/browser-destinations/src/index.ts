// The runtime, and each destination's plugin factory under its own name.
export * from './runtime'
export { default as amplitudePlugins } from './destinations/amplitude-plugins/plugins'
export { default as googleAnalytics4Web } from './destinations/google-analytics-4-web/plugins'
export { default as fullstory } from './destinations/fullstory/plugins'
