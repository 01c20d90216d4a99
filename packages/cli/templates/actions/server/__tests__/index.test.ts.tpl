import nock from 'nock'
import { createTestIntegration } from '@action-destinations/core'
import Destination from '../../index'

const testDestination = createTestIntegration(Destination)

describe({{testTitleString}}, () => {
  afterEach(() => nock.cleanAll())

  it('is registered on the destination', () => {
    expect(testDestination.actions[{{keyString}}]).toBeDefined()
  })

  // Add tests that mock the partner API with nock and call testDestination.testAction(...).
})
