// Programmatic surface: the local server, for tests and the web tester.
export { createServer, type ServerOptions } from './lib/server/create-server'
export { startServer, type RunningServer, type StartOptions } from './lib/server/start-server'
export { openLiveDestination, type LiveDestination } from './lib/server/live-destination'
export type { RuntimeDestination, RuntimeAction, CapturedResponse } from './lib/core-runtime'
export type { Exchange } from './lib/server/exchanges'
