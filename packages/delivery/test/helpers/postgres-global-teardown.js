// Jest global teardown: stops the cluster the global setup started (if it started one) and
// removes its folder.
const { stopCluster } = require('./postgres-cluster')

module.exports = async function globalTeardown() {
  const cluster = globalThis.__DELIVERY_PG_CLUSTER__
  if (cluster) {
    globalThis.__DELIVERY_PG_CLUSTER__ = undefined
    delete process.env.DELIVERY_TEST_PG_URL
    stopCluster(cluster)
  }
}
