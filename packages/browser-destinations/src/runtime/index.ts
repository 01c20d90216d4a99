export { browserDestination } from './browser-destination'
export { generatePlugins } from './generate-plugins'
export { loadScript } from './load-script'
export { resolveWhen } from './resolve-when'
export { reportError } from './report-error'
export type {
  Analytics,
  AnalyticsUser,
  BrowserActionDefinition,
  BrowserActionInput,
  BrowserDestinationDefinition,
  BrowserDestinationDependencies,
  BrowserDestinationSettings,
  Context,
  EventType,
  FieldDefinition,
  JSONObject,
  JSONValue,
  LifecycleHook,
  LogLevel,
  Plugin,
  PluginFactory,
  PluginType,
  Preset,
  SegmentEvent,
  Subscription
} from './types'
