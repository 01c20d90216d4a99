import ts from 'typescript'
import { lineIndent, topLevelNames } from './source-text'

interface Edit {
  at: number
  end?: number
  text: string
}

function applyEdits(source: string, edits: Edit[]): string {
  // Apply from the end so earlier offsets stay valid.
  return [...edits]
    .sort((a, b) => b.at - a.at)
    .reduce((text, edit) => text.slice(0, edit.at) + edit.text + text.slice(edit.end ?? edit.at), source)
}

function propertyName(node: ts.ObjectLiteralElementLike): string | undefined {
  const name = node.name
  if (!name) return undefined
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text
  return undefined
}

/** The `actions: { … }` object of the destination definition (an object literal that also has `name`). */
function findActionsObject(file: ts.SourceFile): ts.ObjectLiteralExpression | undefined {
  let found: ts.ObjectLiteralExpression | undefined
  const visit = (node: ts.Node): void => {
    if (found) return
    if (ts.isObjectLiteralExpression(node)) {
      const names = node.properties.map(propertyName)
      const actions = node.properties.find(
        (property): property is ts.PropertyAssignment =>
          ts.isPropertyAssignment(property) && propertyName(property) === 'actions'
      )
      if (actions && names.includes('name') && ts.isObjectLiteralExpression(actions.initializer)) {
        found = actions.initializer
        return
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

/**
 * Adds `import <key> from '<importPath>'` and the `<key>` entry to the definition's `actions`
 * object, leaving the rest of the file as written. Throws when the file has no actions object
 * or already has the key.
 */
export function registerAction(source: string, key: string, importPath: string, fileName = 'index.ts'): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const actions = findActionsObject(file)
  if (!actions) throw new Error(`${fileName}: no "actions: { … }" object literal found in the destination definition`)
  if (actions.properties.some((property) => propertyName(property) === key)) {
    throw new Error(`${fileName}: action "${key}" is already registered`)
  }
  const taken = topLevelNames(file)
  let identifier = key
  for (let n = 2; taken.has(identifier); n += 1) identifier = n === 2 ? `${key}Action` : `${key}Action${n}`
  const entry = identifier === key ? key : `${key}: ${identifier}`

  const edits: Edit[] = []
  const imports = file.statements.filter(ts.isImportDeclaration)
  const importText = `import ${identifier} from '${importPath}'`
  if (imports.length > 0) edits.push({ at: imports[imports.length - 1].getEnd(), text: `\n${importText}` })
  else edits.push({ at: 0, text: `${importText}\n\n` })

  const propertyIndent = lineIndent(source, actions.getStart(file))
  const elements = actions.properties
  if (elements.length === 0) {
    edits.push({
      at: actions.getStart(file),
      end: actions.getEnd(),
      text: `{\n${propertyIndent}  ${entry}\n${propertyIndent}}`
    })
  } else {
    const last = elements[elements.length - 1]
    const indent = lineIndent(source, last.getStart(file))
    const separatorAt = elements.hasTrailingComma ? source.indexOf(',', last.getEnd()) + 1 : last.getEnd()
    edits.push({
      at: separatorAt,
      text: `${elements.hasTrailingComma ? '' : ','}\n${indent}${entry}${elements.hasTrailingComma ? ',' : ''}`
    })
  }
  return applyEdits(source, edits)
}
