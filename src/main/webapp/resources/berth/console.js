/*
 * The console's own script (no inline scripts anywhere: the Content-Security-Policy allows none).
 * - Tells the server the browser's time zone, so times show in it (a cookie read by Preferences).
 * - Copy buttons: any element with data-copy="text" copies that text to the clipboard when clicked.
 */
(function () {
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf('berth_tz=' + encodeURIComponent(zone)) < 0) {
      document.cookie = 'berth_tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; samesite=lax';
    }
  } catch (e) {
    // no Intl: the server keeps UTC
  }
  document.addEventListener('click', function (event) {
    var source = event.target.closest ? event.target.closest('[data-copy]') : null;
    if (!source) {
      return;
    }
    event.preventDefault();
    var text = source.getAttribute('data-copy');
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text);
    }
    source.setAttribute('data-copied', 'true');
  });
})();
