// Stand-ins for the vendor scripts, served from 127.0.0.1: each does what the real script does
// with the page's command queue (gtag.js reads dataLayer, fs.js replays FS.q and installs
// FS._api) and records every command on `window` for the test to read.

export const FAKE_GTAG_JS = `(function () {
  var calls = (window.__gtagCalls = window.__gtagCalls || [])
  var dataLayer = (window.dataLayer = window.dataLayer || [])
  function record(entry) { calls.push(JSON.parse(JSON.stringify(Array.prototype.slice.call(entry)))) }
  dataLayer.forEach(record)
  var push = dataLayer.push
  dataLayer.push = function () {
    for (var i = 0; i < arguments.length; i++) record(arguments[i])
    return push.apply(dataLayer, arguments)
  }
  window.__gtagScript = document.currentScript && document.currentScript.src
})()`

export const FAKE_FS_JS = `(function () {
  var calls = (window.__fsCalls = [])
  var FS = window[window._fs_namespace]
  var queued = FS.q || []
  delete FS.q
  FS._api = function (operation, options, source) { calls.push([operation, options, source]) }
  queued.forEach(function (call) { FS._api(call[0], call[1], call[2]) })
  window.__fsOrg = window._fs_org
})()`
