import { describeSnapshots } from '../../../test-utils/snapshot'
import destination from '../index'

// Amplitude needs user_id or device_id, neither of which alone is required.
const withUser = { user_id: 'snapshot-user-1' }

describeSnapshots('amplitude', destination, {
  requiredOverrides: { logEvent: withUser, logPurchase: withUser, identifyUser: withUser }
})
