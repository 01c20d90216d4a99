import { describeSnapshots } from '../../../test-utils/snapshot'
import destination from '../index'

// Snapshots of the requests each action sends with seeded sample inputs (formats such as `uri`
// included), so a change in a request shows up in review. Each action must send at least one request.
//
// Writing snapshots: `jest --ci` (what `yarn test` runs) never writes a new snapshot; it fails with
// "New snapshot was not written". After adding or changing an action, run once without --ci:
//   npx jest packages/destination-actions/src/destinations/{{folder}} --ci=false
// (add -u to rewrite snapshots that changed on purpose) and commit the __snapshots__ folder.
describeSnapshots({{slugString}}, destination)

if (Object.keys(destination.actions).length === 0) {
  it.todo('add an action: ./bin/run generate:action <name> server --path {{folder}}')
}
