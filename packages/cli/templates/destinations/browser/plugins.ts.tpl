import { browserDestination } from '../../runtime'
import { destination } from './index'

export { destination }
// The Analytics.js 2.0 plugin factory (and the entry of this destination's browser bundles).
export default browserDestination(destination)
