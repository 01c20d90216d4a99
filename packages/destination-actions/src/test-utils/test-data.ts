import { Faker, base, en } from '@faker-js/faker'
import type { InputField } from '@action-destinations/core'

/** Minimal field shape the generator reads; both action fields and settings fit it. */
type GeneratorField = Pick<
  InputField,
  'type' | 'format' | 'multiple' | 'required' | 'properties' | 'choices' | 'minimum' | 'maximum'
> & {
  unsafe_hidden?: boolean
}

export interface GenerateOptions {
  /** Only fields marked `required: true` (and, inside objects, their required properties). */
  requiredOnly: boolean
}

/** FNV-1a 32-bit hash: a stable seed from a name such as `amplitude#logEvent`. */
export function seedFor(name: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}

/** A faker instance of its own (never the shared global) seeded from the name, so runs are reproducible. */
export function createSeededFaker(name: string): Faker {
  const faker = new Faker({ locale: [en, base] })
  faker.seed(seedFor(name))
  return faker
}

/** Fixed window for generated dates: faker's "recent" helpers depend on the clock. */
const DATE_FROM = '2021-01-01T00:00:00.000Z'
const DATE_TO = '2024-12-31T23:59:59.000Z'

/** Values for every field (or only the required ones) following each field's type, format and choices. */
export function generateFieldValues(
  fields: Record<string, GeneratorField>,
  faker: Faker,
  options: GenerateOptions
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(fields)) {
    // batch_keys is framework plumbing, not data a user maps.
    if (key === 'batch_keys') continue
    if (options.requiredOnly && field.required !== true) continue
    out[key] = field.multiple
      ? [generateValue(key, field, faker, options), generateValue(key, field, faker, options)]
      : generateValue(key, field, faker, options)
  }
  return out
}

function generateValue(key: string, field: GeneratorField, faker: Faker, options: GenerateOptions): unknown {
  if (field.choices && field.choices.length > 0) {
    const choice = faker.helpers.arrayElement<string | { value: string | number; label: string }>(field.choices)
    return typeof choice === 'object' ? choice.value : choice
  }
  switch (field.type) {
    case 'boolean':
      return faker.datatype.boolean()
    case 'integer':
      return faker.number.int({ min: field.minimum ?? 1, max: field.maximum ?? 1000 })
    case 'number':
      // Whole numbers when bounds are given: bounded numbers are counts (batch sizes, limits).
      return field.minimum !== undefined || field.maximum !== undefined
        ? faker.number.int({ min: field.minimum ?? 1, max: field.maximum ?? 1000 })
        : faker.number.float({ min: 1, max: 1000, fractionDigits: 2 })
    case 'datetime':
      return faker.date.between({ from: DATE_FROM, to: DATE_TO }).toISOString()
    case 'password':
      return faker.string.alphanumeric(24)
    case 'text':
      return faker.lorem.sentence()
    case 'object':
      return field.properties
        ? generateFieldValues(field.properties as Record<string, GeneratorField>, faker, options)
        : { [faker.lorem.word()]: faker.lorem.word(), [`${faker.lorem.word()}_count`]: faker.number.int(100) }
    default:
      return generateString(key, field, faker)
  }
}

function generateString(key: string, field: GeneratorField, faker: Faker): string {
  switch (field.format) {
    case 'email':
      return faker.internet.email().toLowerCase()
    case 'uri':
    case 'uri-reference':
      return faker.internet.url()
    case 'date-time':
      return faker.date.between({ from: DATE_FROM, to: DATE_TO }).toISOString()
    case 'date':
      return faker.date.between({ from: DATE_FROM, to: DATE_TO }).toISOString().slice(0, 10)
    case 'uuid':
      return faker.string.uuid()
    case 'hostname':
      return faker.internet.domainName()
    case 'ipv4':
      return faker.internet.ipv4()
    case 'ipv6':
      return faker.internet.ipv6()
  }
  // Names carry meaning the schema cannot express (ISO codes, e-mail addresses without a format).
  const name = key.toLowerCase()
  if (name.includes('currency')) return faker.finance.currencyCode()
  if (name.includes('email')) return faker.internet.email().toLowerCase()
  if (name.includes('phone')) return faker.phone.number({ style: 'international' })
  if (name.includes('url')) return faker.internet.url()
  return faker.string.alphanumeric(12)
}
