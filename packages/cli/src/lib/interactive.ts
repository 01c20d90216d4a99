/** Prompts only make sense when a person sits at a terminal; CI and pipes get flag errors instead. */
export function isInteractive(): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY)
}
