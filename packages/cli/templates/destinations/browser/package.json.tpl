{
  "name": "@action-destinations/{{folder}}",
  "version": "0.1.0",
  "description": {{descriptionJson}},
  "license": "MIT",
  "main": "dist/index.js",
  "types": "dist/index.d.ts",
  "private": true
}
