import type { InputField } from '@action-destinations/core'

/** Fields shared by every action that sends an Amplitude event (Log Event, Log Purchase). */
export const eventFields: Record<string, InputField> = {
  user_id: {
    label: 'User ID',
    description: 'A readable ID specified by you. Required unless Device ID is present.',
    type: 'string',
    allowNull: true,
    default: { '@path': '$.userId' }
  },
  device_id: {
    label: 'Device ID',
    description: 'A device-specific identifier. Required unless User ID is present.',
    type: 'string',
    default: {
      '@if': {
        exists: { '@path': '$.context.device.id' },
        then: { '@path': '$.context.device.id' },
        else: { '@path': '$.anonymousId' }
      }
    }
  },
  event_type: {
    label: 'Event Type',
    description: 'A unique identifier for your event.',
    type: 'string',
    required: true,
    default: { '@path': '$.event' }
  },
  session_id: {
    label: 'Session ID',
    description: 'The start time of the session, necessary to group events into sessions.',
    type: 'datetime',
    default: { '@path': '$.integrations.Actions Amplitude.session_id' }
  },
  time: {
    label: 'Timestamp',
    description: 'The time the event occurred.',
    type: 'datetime',
    default: { '@path': '$.timestamp' }
  },
  event_properties: {
    label: 'Event Properties',
    description: 'Key-value pairs that represent data to send along with the event.',
    type: 'object',
    default: { '@path': '$.properties' }
  },
  user_properties: {
    label: 'User Properties',
    description:
      'Key-value pairs that represent data tied to the user; $set, $setOnce and $add operations pass through.',
    type: 'object',
    default: { '@path': '$.context.traits' }
  },
  groups: {
    label: 'Groups',
    description: 'Groups of users for the event, as group type → group value.',
    type: 'object'
  },
  app_version: {
    label: 'App Version',
    description: 'The current version of your application.',
    type: 'string',
    default: { '@path': '$.context.app.version' }
  },
  platform: {
    label: 'Platform',
    description: 'Platform of the device.',
    type: 'string',
    default: { '@path': '$.context.device.type' }
  },
  os_name: {
    label: 'OS Name',
    description: 'The name of the mobile operating system or browser the user is using.',
    type: 'string',
    default: { '@path': '$.context.os.name' }
  },
  os_version: {
    label: 'OS Version',
    description: 'The version of the mobile operating system or browser the user is using.',
    type: 'string',
    default: { '@path': '$.context.os.version' }
  },
  device_brand: {
    label: 'Device Brand',
    description: 'The device brand the user is using.',
    type: 'string',
    default: { '@path': '$.context.device.brand' }
  },
  device_manufacturer: {
    label: 'Device Manufacturer',
    description: 'The device manufacturer the user is using.',
    type: 'string',
    default: { '@path': '$.context.device.manufacturer' }
  },
  device_model: {
    label: 'Device Model',
    description: 'The device model the user is using.',
    type: 'string',
    default: { '@path': '$.context.device.model' }
  },
  carrier: {
    label: 'Carrier',
    description: 'The carrier the user has.',
    type: 'string',
    default: { '@path': '$.context.network.carrier' }
  },
  country: {
    label: 'Country',
    description: 'The current country of the user.',
    type: 'string',
    default: { '@path': '$.context.location.country' }
  },
  region: {
    label: 'Region',
    description: 'The current region of the user.',
    type: 'string',
    default: { '@path': '$.context.location.region' }
  },
  city: {
    label: 'City',
    description: 'The current city of the user.',
    type: 'string',
    default: { '@path': '$.context.location.city' }
  },
  language: {
    label: 'Language',
    description: 'The language set by the user.',
    type: 'string',
    default: { '@path': '$.context.locale' }
  },
  ip: {
    label: 'IP Address',
    description: 'The IP address of the user; "$remote" uses the address of the request.',
    type: 'string',
    default: { '@path': '$.context.ip' }
  },
  insert_id: {
    label: 'Insert ID',
    description: 'Amplitude deduplicates subsequent events sent with this ID within the past 7 days.',
    type: 'string',
    default: { '@path': '$.messageId' }
  },
  library: {
    label: 'Library',
    description: 'The name of the library that generated the event.',
    type: 'string',
    default: { '@path': '$.context.library.name' }
  },
  use_batch_endpoint: {
    label: 'Use Batch Endpoint',
    description: "Send to Amplitude's Batch Event Upload API, which has higher rate limits.",
    type: 'boolean',
    default: false
  },
  min_id_length: {
    label: 'Minimum ID Length',
    description: 'Amplitude rejects user and device IDs shorter than 5 characters unless this is lowered.',
    type: 'integer',
    allowNull: true
  }
}
