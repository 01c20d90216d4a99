// Public surface of the delivery engine.
export type * from './config/types'
export type * from './store/types'
export type * from './store/store'
