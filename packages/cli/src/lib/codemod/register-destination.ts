import { randomBytes } from 'crypto'
import ts from 'typescript'
import { lineIndent, topLevelNames } from './source-text'
import { actionKey } from '../scaffold/names'

/** The registry table every destination folder is listed in: `const manifestEntries = [[id, folder, definition], …]`. */
const TABLE_NAME = 'manifestEntries'

export interface RegistryEntry {
  id: string
  folder: string
}

export interface RegistrationResult {
  source: string
  id: string
  identifier: string
}

function findTable(file: ts.SourceFile): ts.ArrayLiteralExpression | undefined {
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.name.text === TABLE_NAME) {
        const init = declaration.initializer
        return init && ts.isArrayLiteralExpression(init) ? init : undefined
      }
    }
  }
  return undefined
}

function stringAt(tuple: ts.Expression, index: number): string | undefined {
  if (!ts.isArrayLiteralExpression(tuple)) return undefined
  const element = tuple.elements[index]
  return element && ts.isStringLiteralLike(element) ? element.text : undefined
}

function parse(source: string, fileName: string): { file: ts.SourceFile; table: ts.ArrayLiteralExpression } {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const table = findTable(file)
  if (!table)
    throw new Error(`${fileName}: no "const ${TABLE_NAME} = [ … ]" array found to register the destination in`)
  return { file, table }
}

/** Whether `source` is a registry file this codemod can edit. */
export function isRegistrySource(source: string): boolean {
  return (
    findTable(ts.createSourceFile('index.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS)) !== undefined
  )
}

/** The `[id, folder]` pairs already in the registry, in file order. */
export function registryEntries(source: string, fileName = 'index.ts'): RegistryEntry[] {
  const { table } = parse(source, fileName)
  return table.elements.flatMap((tuple) => {
    const id = stringAt(tuple, 0)
    const folder = stringAt(tuple, 1)
    return id !== undefined && folder !== undefined ? [{ id, folder }] : []
  })
}

/** A random 24-hex id (the reference's ObjectId shape) not in `taken`. */
export function freshDestinationId(
  taken: Iterable<string>,
  random: () => string = () => randomBytes(12).toString('hex')
): string {
  const used = new Set(taken)
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const id = random()
    if (/^[0-9a-f]{24}$/.test(id) && !used.has(id)) return id
  }
  throw new Error('could not draw an unused 24-hex destination id in 100 attempts')
}

/**
 * Adds `import <name> from './<folder>'` and `['<fresh id>', '<folder>', <name>]` at the end of the
 * registry table, leaving the rest of the file as written. Throws when the folder is already listed.
 */
export function registerDestination(
  source: string,
  folder: string,
  fileName = 'index.ts',
  random?: () => string
): RegistrationResult {
  if (!/^[A-Za-z0-9_.-]+$/.test(folder)) {
    throw new Error(`${fileName}: cannot register folder "${folder}": use letters, digits, ".", "_" and "-"`)
  }
  const { file, table } = parse(source, fileName)
  const entries = registryEntries(source, fileName)
  const existing = entries.find((entry) => entry.folder === folder)
  if (existing) throw new Error(`${fileName}: "${folder}" is already registered with id ${existing.id}`)
  const id = freshDestinationId(
    entries.map((entry) => entry.id),
    random
  )

  const taken = topLevelNames(file)
  const base = actionKey(folder) || 'destination'
  let identifier = base
  for (let n = 2; taken.has(identifier); n += 1) identifier = `${base}Destination${n === 2 ? '' : n}`

  const edits: Array<{ at: number; text: string }> = []
  const imports = file.statements.filter(ts.isImportDeclaration)
  const importText = `import ${identifier} from './${folder}'`
  edits.push(
    imports.length > 0
      ? { at: imports[imports.length - 1].getEnd(), text: `\n${importText}` }
      : { at: 0, text: `${importText}\n` }
  )
  const row = `['${id}', '${folder}', ${identifier}]`
  const elements = table.elements
  if (elements.length === 0) {
    const indent = lineIndent(source, table.getStart(file))
    edits.push({ at: table.getEnd() - 1, text: `\n${indent}  ${row}\n${indent}` })
  } else {
    const last = elements[elements.length - 1]
    const indent = lineIndent(source, last.getStart(file))
    const trailing = elements.hasTrailingComma
    const at = trailing ? source.indexOf(',', last.getEnd()) + 1 : last.getEnd()
    edits.push({ at, text: `${trailing ? '' : ','}\n${indent}${row}${trailing ? ',' : ''}` })
  }
  const updated = edits
    .sort((a, b) => b.at - a.at)
    .reduce((text, edit) => text.slice(0, edit.at) + edit.text + text.slice(edit.at), source)
  return { source: updated, id, identifier }
}
