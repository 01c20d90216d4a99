import type { Features } from '../mapping-kit'
import type { ActionDefinition } from './action'
import type { DestinationDefinition } from './destination-types'
import type { RequestClient } from './request-client-type'
import type { StatsContext, Personas } from './contexts'
import type { GlobalSetting } from './types'

// What an audience destination defines, and what its createAudience / getAudience calls take.

/* eslint-disable @typescript-eslint/no-explicit-any -- generic defaults mirror the reference's public types */

export type AudienceResult = { externalId: string }

export type AudienceMode = { type: 'realtime' } | { type: 'synced'; full_audience_sync: boolean }

export type CreateAudienceInput<Settings = unknown, AudienceSettings = unknown> = {
  settings: Settings
  audienceSettings?: AudienceSettings
  personas?: Personas
  audienceName: string
  statsContext?: StatsContext
  features?: Features
}

export type GetAudienceInput<Settings = unknown, AudienceSettings = unknown> = {
  settings: Settings
  audienceSettings?: AudienceSettings
  externalId: string
  statsContext?: StatsContext
  features?: Features
}

export interface AudienceDestinationConfiguration {
  mode: AudienceMode
}

export interface AudienceDestinationConfigurationWithCreateGet<
  Settings = unknown,
  AudienceSettings = unknown
> extends AudienceDestinationConfiguration {
  createAudience(
    request: RequestClient,
    createAudienceInput: CreateAudienceInput<Settings, AudienceSettings>
  ): Promise<AudienceResult>
  getAudience(
    request: RequestClient,
    getAudienceInput: GetAudienceInput<Settings, AudienceSettings>
  ): Promise<AudienceResult>
}

export interface AudienceDestinationDefinition<
  Settings = unknown,
  AudienceSettings = unknown
> extends DestinationDefinition<Settings> {
  audienceConfig:
    AudienceDestinationConfigurationWithCreateGet<Settings, AudienceSettings> | AudienceDestinationConfiguration
  audienceFields: Record<string, GlobalSetting>
  actions: Record<string, ActionDefinition<Settings, any, AudienceSettings>>
}
