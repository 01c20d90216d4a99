import { describeSnapshots } from '../../../test-utils/snapshot'
import destination from '../index'

describeSnapshots('slack', destination, {
  overrides: { postToChannel: { url: 'https://hooks.slack.com/services/T000/B000/XXXX' } }
})
