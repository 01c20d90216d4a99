#!/usr/bin/env node
// Quick start demo: parse FQL, print the AST, match a sample event, show a positioned error.
// Build first: npx tsc -b packages/destinations-subscriptions
'use strict'
const { parseFql, validate, compileFql, generateFql } = require('@action-destinations/destination-subscriptions')

const event = {
  type: 'track',
  event: 'Order Completed',
  userId: 'u1',
  properties: { total: 120, currency: 'USD', coupon: null }
}

const queries = [
  'type = "track" and event = "Order Completed"',
  'type = "identify" or (type = "track" and (match(event, "Order*") or properties.total > 100))'
]

for (const fql of queries) {
  const ast = parseFql(fql)
  console.log(`FQL:     ${fql}`)
  console.log(`AST:     ${JSON.stringify(ast)}`)
  console.log(`matches: ${validate(ast, event)} (compiled: ${compileFql(fql)(event)})`)
  console.log(`back:    ${generateFql(ast)}\n`)
}

const broken = 'type = "track" and event ='
const result = parseFql(broken)
console.log(`FQL:     ${broken}`)
console.log(`error:   ${result.error.name}: ${result.error.message}`)
