#!/usr/bin/env node
// Regenerates every generated-types.ts from the field definitions (until the CLI's generate:types covers this
// package). Definitions are bundled with esbuild; core is replaced by a stub so this works before core is built.
const fs = require('fs')
const path = require('path')
const Module = require('module')
const esbuild = require('esbuild')
const { compile } = require('json-schema-to-typescript')

const root = path.join(__dirname, '..', 'src', 'destinations')
const BANNER = '// Generated file. DO NOT MODIFY IT BY HAND.\n\n'

// Any name read from the stub is a harmless class-like function; defaultValues must return an object.
const coreStub = new Proxy(
  { defaultValues: () => ({}) },
  { get: (target, key) => (key in target ? target[key] : class Stub {}) }
)
const originalLoad = Module._load
Module._load = function (request, ...rest) {
  if (request === '@action-destinations/core') return coreStub
  return originalLoad.call(this, request, ...rest)
}

function jsonType(type) {
  if (type === 'string' || type === 'text' || type === 'password') return 'string'
  if (type === 'datetime') return ['string', 'number']
  return type
}

function fieldSchema(field) {
  const schema = { description: field.description }
  const type = jsonType(field.type)
  if (field.type === 'object') {
    schema.type = 'object'
    if (field.properties) {
      schema.properties = {}
      const required = []
      for (const [key, sub] of Object.entries(field.properties)) {
        schema.properties[key] = fieldSchema(sub)
        if (sub.required === true) required.push(key)
      }
      if (required.length) schema.required = required
    }
    schema.additionalProperties = field.additionalProperties !== false
  } else {
    schema.type = field.allowNull ? [].concat(type, 'null') : type
  }
  if (field.multiple)
    return { description: field.description, type: 'array', items: { ...schema, description: undefined } }
  return schema
}

function fieldsSchema(fields) {
  const properties = {}
  const required = []
  for (const [key, field] of Object.entries(fields || {})) {
    properties[key] = fieldSchema(field)
    if (field.required === true) required.push(key)
  }
  return { type: 'object', additionalProperties: false, properties, required }
}

async function writeTypes(file, name, fields) {
  const ts = await compile(fieldsSchema(fields), name, {
    bannerComment: '',
    style: { semi: false, singleQuote: true, printWidth: 120, trailingComma: 'none' },
    additionalProperties: false,
    unknownAny: true
  })
  // An action or destination without fields keeps the reference's empty interface; the lint rule is told so.
  const body = ts.replace(
    /^export interface (\w+) \{\}$/m,
    '// eslint-disable-next-line @typescript-eslint/no-empty-object-type\nexport interface $1 {}'
  )
  fs.writeFileSync(file, BANNER + body)
}

async function main() {
  for (const slug of fs.readdirSync(root)) {
    const entry = path.join(root, slug, 'index.ts')
    if (!fs.existsSync(entry)) continue
    const out = path.join(require('os').tmpdir(), `gen-types-${slug}-${process.pid}.js`)
    esbuild.buildSync({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: out,
      external: ['@action-destinations/core', '@faker-js/faker'],
      logLevel: 'error'
    })
    const definition = require(out).default
    fs.unlinkSync(out)
    await writeTypes(path.join(root, slug, 'generated-types.ts'), 'Settings', definition.authentication?.fields ?? {})
    for (const [actionKey, action] of Object.entries(definition.actions)) {
      const dir = path.join(root, slug, actionKey)
      if (!fs.existsSync(dir)) throw new Error(`${slug}: action "${actionKey}" has no folder ${dir}`)
      await writeTypes(path.join(dir, 'generated-types.ts'), 'Payload', action.fields)
    }
    console.log(`generated types for ${slug}`)
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
