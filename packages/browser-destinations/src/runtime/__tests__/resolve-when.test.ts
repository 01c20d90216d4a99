import { resolveWhen } from '../resolve-when'

describe('resolveWhen', () => {
  it('resolves once the condition holds', async () => {
    let ready = false
    setTimeout(() => (ready = true), 20)
    await expect(resolveWhen(() => ready, 1000)).resolves.toBeUndefined()
  })

  it('rejects with a clear error when the condition is still false at the timeout', async () => {
    await expect(resolveWhen(() => false, 30)).rejects.toThrow('resolveWhen: condition still false after 30ms')
  })

  it('rejects when the condition throws', async () => {
    await expect(
      resolveWhen(() => {
        throw new Error('bad check')
      })
    ).rejects.toThrow('bad check')
  })

  it('rejects bad arguments', async () => {
    await expect(resolveWhen('yes' as unknown as () => boolean)).rejects.toThrow('condition must be a function')
    await expect(resolveWhen(() => true, -1)).rejects.toThrow('timeout must be a number of milliseconds >= 0, got -1')
  })
})
