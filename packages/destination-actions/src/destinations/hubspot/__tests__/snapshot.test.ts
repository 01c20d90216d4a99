import { describeSnapshots } from '../../../test-utils/snapshot'
import destination from '../index'

describeSnapshots('hubspot', destination, {
  auth: { accessToken: 'snapshot-access-token', refreshToken: 'snapshot-refresh-token' },
  // A custom event needs an email, utk or object id, none of which alone is required.
  requiredOverrides: { sendCustomBehavioralEvent: { email: 'snapshot@example.com' } }
})
