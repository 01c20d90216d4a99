import { cleanCopy, isPlainObject } from '../remove-undefined'
import { arrayCopyCode, canGenerateCode, generateCopier, literal } from './code-generation'
import type { Resolver } from './definition'

/** Shapes one place learns; an object of another shape takes the generic copy. */
const MAX_SHAPES_PER_PLACE = 4
/** Bigger objects are rare in events and cost more to guard than a generic copy saves. */
const MAX_KEYS_PER_SHAPE = 32
/** Generated functions one copier may create, over all the places nested under it. */
const MAX_FUNCTIONS_PER_COPIER = 16
/** A place that keeps missing its shapes stops guarding and copies generically. */
const MISSES_BEFORE_GIVING_UP = 1024

/** What the places of one copier share: the budget of generated functions and the generic copy. */
interface CopierTree {
  functionsLeft: number
  generic: Resolver | undefined
}

const INDEX_LIKE_KEY = /^\d+$/

let generatedFunctions = 0

/**
 * The own keys of `value` in enumeration order when its shape can be learned: a plain object of
 * this realm whose keys are all own, none an array index nor a name Object.prototype has
 * (`__proto__`, `constructor`, …). Otherwise undefined.
 */
function learnableKeys(value: object): string[] | undefined {
  if (Object.getPrototypeOf(value) !== Object.prototype || value.constructor !== Object) return undefined
  const keys: string[] = []
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) return undefined
    if (key in Object.prototype || INDEX_LIKE_KEY.test(key)) return undefined
    if (keys.push(key) > MAX_KEYS_PER_SHAPE) return undefined
  }
  return keys
}

/**
 * One place of a mapping's output that holds a copy of event data (`event_properties`, say, or
 * the items of its `products`). Its copy has the behaviour of `cleanCopy` (a deep copy without
 * undefined values, shared with nothing), but is generated for the object shapes the place has
 * seen, as an engine's inline cache is: a shape check on the enumerated keys, then one object
 * literal. Events sent through one mapping mostly repeat a few shapes, and a literal is several
 * times cheaper than a spread followed by a walk of the keys.
 */
export class CopyPlace {
  /** The copy of a value at this place; replaced whenever the place learns a shape. */
  copy: Resolver
  private readonly shapes: string[][] = []
  // Places for the values of each learned key, made when a value there first is an object.
  private readonly children: Array<CopyPlace | undefined> = []
  private readonly childSlots = new Map<string, number>()
  private elements: CopyPlace | undefined
  private misses = 0
  // Written by the generated copy, read when deciding to give up on shapes.
  private readonly counts = { hits: 0 }

  private constructor(private readonly tree: CopierTree) {
    this.copy = (value) => this.copyBeforeLearning(value)
  }

  /** A copier for one place of a mapping, with its own budget of generated functions. */
  static create(): CopyPlace {
    return new CopyPlace({ functionsLeft: canGenerateCode() ? MAX_FUNCTIONS_PER_COPIER : 0, generic: undefined })
  }

  private copyBeforeLearning(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value
    if (Array.isArray(value)) {
      // A place holding arrays gets its generated copy too: the loop then calls one known function.
      if (this.tree.functionsLeft > 0) {
        this.tree.functionsLeft--
        this.copy = this.generate()
        return this.copy(value)
      }
      return this.generic()(value)
    }
    return this.miss(value)
  }

  /** An object no learned shape fits: learn its shape if allowed, else copy it generically. */
  private miss(value: object): unknown {
    if (this.shapes.length < MAX_SHAPES_PER_PLACE && this.tree.functionsLeft > 0) {
      const keys = learnableKeys(value)
      if (keys) {
        this.shapes.push(keys)
        this.tree.functionsLeft--
        this.copy = this.generate()
        return this.copy(value)
      }
    }
    if (this.shapes.length > 0 && ++this.misses > MISSES_BEFORE_GIVING_UP && this.misses > this.counts.hits) {
      this.copy = this.generic()
    }
    return this.generic()(value)
  }

  private generic(): Resolver {
    return (this.tree.generic ??= canGenerateCode() ? generateCopier(cleanCopy, isPlainObject) : cleanCopy)
  }

  private elementPlace(): CopyPlace {
    return (this.elements ??= new CopyPlace(this.tree))
  }

  /** The index in `children` of the place for `key`'s values (the place itself comes later). */
  private childSlot(key: string): number {
    let slot = this.childSlots.get(key)
    if (slot === undefined) {
      slot = this.children.push(undefined) - 1
      this.childSlots.set(key, slot)
    }
    return slot
  }

  private makeChild(slot: number): CopyPlace {
    return (this.children[slot] ??= new CopyPlace(this.tree))
  }

  private generate(): Resolver {
    const names = ['gp', 'OP', 'own', 'miss', 'counts', 'elements', 'children', 'makeChild']
    const values: unknown[] = [
      Object.getPrototypeOf,
      Object.prototype,
      Object.prototype.hasOwnProperty,
      (value: object) => this.miss(value),
      this.counts,
      this.elementPlace(),
      this.children,
      (slot: number) => this.makeChild(slot)
    ]
    const constant = (value: unknown): string => {
      let index = values.indexOf(value)
      if (index === -1) index = values.push(value) - 1
      if (index >= names.length) names.push(`k${index}`)
      return names[index]
    }
    let shapesCode = ''
    this.shapes.forEach((keys, shapeIndex) => {
      const label = `shape${shapeIndex}`
      const keyList = constant(keys)
      const read = keys.map((key, i) => `v${i} = value[${literal(key)}]`)
      const copied = keys.map((key, i) => {
        const slot = this.childSlot(key)
        return `v${i} !== null && typeof v${i} === 'object' ? (children[${slot}] || makeChild(${slot})).copy(v${i}) : v${i}`
      })
      const defined = keys.map((_, i) => `v${i} !== undefined`)
      shapesCode += `${label}: {
  i = 0
  for (key in value) {
    if (i === ${keys.length} || key !== ${keyList}[i] || !own.call(value, key)) break ${label}
    i++
  }
  if (i !== ${keys.length}) break ${label}
  counts.hits++
  ${read.length > 0 ? `const ${read.join(', ')}` : ''}
  if (${defined.length > 0 ? defined.join(' && ') : 'true'}) return { ${keys.map((key, i) => `${literal(key)}: ${copied[i]}`).join(', ')} }
  const out = {}
${keys.map((key, i) => `  if (${defined[i]}) out[${literal(key)}] = ${copied[i]}`).join('\n')}
  return out
}
`
    })
    // The number makes each source distinct: the engine's eval cache would otherwise hand two
    // places with the same shapes one shared function, and with it shared type feedback.
    const source = `/* place ${generatedFunctions++} */
return function copyLearnedShapes(value) {
if (value === null || typeof value !== 'object') return value
${arrayCopyCode('elements.copy')}
// Reading \`constructor\` first tells the engine the shapes, so the prototype check folds away.
if (value.constructor === Object && gp(value) === OP) {
let i, key
${shapesCode}}
return miss(value)
}`
    return new Function(...names, source)(...values) as Resolver
  }
}
