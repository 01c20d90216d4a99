import type { InputField } from '@action-destinations/core'

/** Batching controls shared by every Braze action; /users/track takes at most 75 objects per array. */
export const batchingFields: Record<string, InputField> = {
  enable_batching: {
    label: 'Batch Data to Braze',
    description: 'Send events to Braze in batches of up to 75.',
    type: 'boolean',
    default: false
  },
  batch_size: {
    label: 'Maximum Batch Size',
    description: 'Maximum number of events per batch (Braze allows up to 75).',
    type: 'number',
    default: 75,
    minimum: 1,
    maximum: 75,
    unsafe_hidden: true
  }
}
