document.getElementById('reset').addEventListener('click', function () {
  var status = document.getElementById('reset-status');
  if (!confirm('Forget all dbperf statistics, slow queries and findings?')) { return; }
  fetch(window.location.pathname, { method: 'DELETE', credentials: 'same-origin' }).then(function (response) {
    if (response.ok) { status.textContent = 'Reset.'; window.location.reload(); }
    else if (response.status === 401 || response.status === 403 || response.status === 405) { status.textContent = 'You lack permission to reset (HTTP ' + response.status + '). The endpoint is read-only unless management.endpoint.dbperf.access=unrestricted.'; }
    else { status.textContent = 'Reset failed (HTTP ' + response.status + ').'; }
  }, function (error) { status.textContent = 'Reset failed: ' + error; });
});
