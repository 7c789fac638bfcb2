/*
 * The project page's script. Works around a gap in the shared header: its form (id "shell": language and theme
 * switches) posts to the page's path without the query string, and Shell.reload sends the visitor back to the URL
 * of that post, so a page whose state is in its query (?name=<project>&tab=<tab>) would lose it and answer 404.
 * Until the header keeps the query itself, the project page puts it on that form's action.
 */
(function () {
  function keepQuery() {
    var form = document.getElementById('shell');
    var action = form ? form.getAttribute('action') : null;
    if (action && window.location.search && action.indexOf('?') < 0) {
      form.setAttribute('action', action + window.location.search);
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', keepQuery);
  } else {
    keepQuery();
  }
})();
