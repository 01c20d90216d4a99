import { describeSnapshots } from '../../../test-utils/snapshot'
import destination from '../index'

describeSnapshots('webhook', destination)
