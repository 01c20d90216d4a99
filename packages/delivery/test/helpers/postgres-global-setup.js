// Jest global setup: one PostgreSQL cluster for all delivery test files (each uses its own
// schema or database in it). Its URL reaches the test workers through the environment. A URL
// already in DELIVERY_TEST_PG_URL (a server of your own) is used as it is, and nothing is started.
const { startCluster } = require('./postgres-cluster')

module.exports = async function globalSetup() {
  if (process.env.DELIVERY_TEST_PG_URL) return
  const cluster = await startCluster()
  globalThis.__DELIVERY_PG_CLUSTER__ = cluster
  process.env.DELIVERY_TEST_PG_URL = cluster.url
}
