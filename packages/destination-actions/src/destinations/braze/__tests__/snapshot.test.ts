import { describeSnapshots } from '../../../test-utils/snapshot'
import destination from '../index'

// Braze needs one of three identifiers, none of which alone is required.
const withUser = { external_id: 'snapshot-user-1' }

describeSnapshots('braze', destination, {
  overrides: { updateUserProfile: { gender: 'female' } },
  requiredOverrides: { trackEvent: withUser, trackPurchase: withUser, updateUserProfile: withUser }
})
