import type { StatsContext } from './types'
import { evaluateLiquid as renderLiquid, getLiquidKeys } from './liquid'

export { getLiquidKeys }

/**
 * The reference's `mapping-kit/liquid-directive` entry point: renders a Liquid template against an
 * event with the limits of `@liquid`. `statsContext` is accepted for compatibility.
 */
export function evaluateLiquid(liquidValue: unknown, event: unknown, _statsContext?: StatsContext): string {
  // The reference's message.
  if (typeof liquidValue !== 'string') throw new Error('liquid template value must be a string')
  return renderLiquid(liquidValue, event)
}
