// Meeting mode (/moeder/{id}/afvikling): follows the meeting's server-sent events so every
// participant's screen shows the current agenda item and agreement; for the minute taker it
// also saves the agreement form in the background (fetch with X-CSRF-Token) a moment after
// typing stops. Without JavaScript the page works with its forms and the "Opdater" link.
(function () {
  'use strict';
  var root = document.getElementById('meeting-mode');
  if (!root || !window.EventSource) return;
  var version = parseInt(root.getAttribute('data-version') || '0', 10);
  var notice = document.getElementById('live-notice');
  var form = document.getElementById('agreement-form');
  var versionField = document.getElementById('agreement-version');
  var dirty = false;
  var saving = false;
  var timer = null;

  function say(text) { if (notice) notice.textContent = text; }

  function applyReadOnly(state) {
    var status = document.getElementById('live-status');
    var labels = { draft: 'Under udarbejdelse', read_back: 'Læst op – venter på bekræftelse', final: 'Bekræftet og sendt' };
    if (status && labels[state.status]) status.textContent = labels[state.status];
    var items = document.querySelectorAll('#live-agenda li');
    var current = document.getElementById('live-current');
    for (var i = 0; i < items.length; i++) {
      var title = state.agenda[i] ? state.agenda[i].title : items[i].textContent;
      items[i].textContent = '';
      if (i === state.current_item) {
        var strong = document.createElement('strong');
        strong.setAttribute('aria-current', 'step');
        strong.textContent = title;
        items[i].appendChild(strong);
      } else {
        items[i].textContent = title;
      }
    }
    if (current && state.agenda[state.current_item]) {
      current.textContent = 'Punkt ' + (state.current_item + 1) + ' af ' + state.agenda.length + ': ' +
        state.agenda[state.current_item].title;
    }
    var sections = document.querySelectorAll('#agreement-read [data-section]');
    for (var j = 0; j < sections.length; j++) {
      var name = sections[j].getAttribute('data-section');
      if (state.content && typeof state.content[name] === 'string') {
        sections[j].textContent = state.content[name] || 'Intet skrevet endnu.';
      }
    }
  }

  var source = new EventSource(root.getAttribute('data-events'));
  source.addEventListener('state', function (event) {
    var state;
    try { state = JSON.parse(event.data); } catch (e) { return; }
    if (state.version <= version) return;
    var structural = state.status === 'final' || (form && state.status !== 'draft');
    version = state.version;
    if (versionField) versionField.value = String(version);
    if (form && !structural) { say('Gemt.'); return; }
    if (structural || !document.getElementById('agreement-read')) { window.location.reload(); return; }
    applyReadOnly(state);
    say('Opdateret.');
  });
  source.onerror = function () { say('Forbindelsen blev afbrudt – prøver igen …'); };

  if (!form) return;
  function save() {
    if (saving || !dirty) return;
    saving = true;
    dirty = false;
    var body = new URLSearchParams(new FormData(form));
    var token = form.querySelector('input[name="csrf_token"]').value;
    fetch(form.getAttribute('action'), {
      method: 'POST', body: body, credentials: 'same-origin', redirect: 'manual',
      headers: { 'X-CSRF-Token': token }
    }).then(function (response) {
      saving = false;
      if (response.type === 'opaqueredirect' || response.ok) {
        say('Gemt.');
      } else if (response.status === 409) {
        say('Aftalen er ændret et andet sted. Opdater siden.');
      } else {
        say('Kunne ikke gemme – brug knappen "Gem aftalen".');
      }
      if (dirty) schedule();
    }).catch(function () { saving = false; say('Kunne ikke gemme – brug knappen "Gem aftalen".'); });
  }
  function schedule() { if (timer) clearTimeout(timer); timer = setTimeout(save, 1500); }
  form.addEventListener('input', function () { dirty = true; schedule(); });
})();
