// Jest global setup: one PostgreSQL cluster for all delivery test files (each uses its own
// schema or database in it). Its URL reaches the test workers through the environment.
const { startCluster } = require('./postgres-cluster')

module.exports = async function globalSetup() {
  const cluster = await startCluster()
  globalThis.__DELIVERY_PG_CLUSTER__ = cluster
  process.env.DELIVERY_TEST_PG_URL = cluster.url
}
