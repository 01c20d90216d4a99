import { describeSnapshots } from '../../../test-utils/snapshot'
import destination from '../index'

// Events need a person id or an anonymous id, neither of which alone is required.
const withPerson = { id: 'snapshot-person-1' }

describeSnapshots('customerio', destination, {
  requiredOverrides: { trackEvent: withPerson, trackPageView: withPerson }
})
