import destination from '../../index'

describe({{testTitleString}}, () => {
  it('is registered on the destination', () => {
    expect(destination.actions[{{keyString}}]).toBeDefined()
  })
})
