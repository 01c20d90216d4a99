// The hooks an action may implement; run when a mapping is saved.
export const hookTypeStrings = ['onMappingSave', 'retlOnMappingSave'] as const

export type ActionHookType = (typeof hookTypeStrings)[number]
