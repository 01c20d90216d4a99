import { browserDestination } from '../../runtime/browser-destination'
import { destination } from './index'

export { destination }
export default browserDestination(destination)
