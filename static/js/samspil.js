// Progressive enhancement only: every page works without this file (GOV.UK's rule). Loaded
// with `defer` after dkfds.min.js, so the DOM is parsed and DKFDS is defined. No inline
// script anywhere: the Content-Security-Policy allows scripts from our own origin only.
(function () {
  'use strict';
  document.documentElement.classList.add('js-enabled');
  if (window.DKFDS && typeof window.DKFDS.init === 'function') {
    window.DKFDS.init();
  }
  // DKFDS moves focus to the error summary; do it here as well in case its script failed,
  // so a keyboard or screen-reader user always lands on the list of problems first.
  var summary = document.querySelector('[data-module="error-summary"]');
  if (summary && document.activeElement !== summary) {
    summary.focus();
  }
})();
