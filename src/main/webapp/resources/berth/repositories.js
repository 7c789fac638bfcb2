/*
 * The repository and artifact pages' own script (no inline scripts: the Content-Security-Policy allows none).
 * The header's form (language, theme, sign out) posts to the page's path without its query, and the shell then
 * reloads that path: these pages would lose project, name and reference and show "not found". Keeping the query on
 * the form's action makes the reload come back to the same artifact.
 */
(function () {
  function keepQuery() {
    var form = document.getElementById('shell');
    if (form && window.location.search && form.getAttribute('action').indexOf('?') < 0) {
      form.setAttribute('action', form.getAttribute('action') + window.location.search);
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', keepQuery);
  } else {
    keepQuery();
  }
})();
