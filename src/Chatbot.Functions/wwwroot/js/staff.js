// The staff console: the open requests, emergencies first, refreshed every 5 seconds in place (the
// element a nurse is on is never replaced, so focus stays), with updates the nurse can pause (WCAG
// 2.2.2). The results of her own actions are announced politely and stay until her next action; new
// requests are announced, a new emergency as an alert (with a sound, a browser notification and the
// count in the tab's title: staff-alerts.js).
(function () {
  'use strict';
  var w = window.StaffWords;
  var signIn = window.StaffSignIn;
  var detail = window.StaffDetail;
  var alerts = window.StaffAlerts;
  var list = document.getElementById('list');
  var status = document.getElementById('status');
  var alert = document.getElementById('alert');
  var items = new Map();
  var known = null;
  var paused = false;
  var timer = null;

  function call(method, path, body, page) {
    return fetch(path, { method: method, headers: signIn.headers(!!body), body: body ? JSON.stringify(body) : undefined })
      .catch(function () { throw new Error(w.error('network')); })
      .then(function (r) {
        if (r.status === 401) { signIn.signOut('Clé ou jeton refusé : reconnectez-vous.'); throw new Error('auth'); }
        if (r.status === 403) { signIn.signOut('Accès refusé : le rôle Escalations.Handle est nécessaire.'); throw new Error('auth'); }
        if (!r.ok) { throw new Error(w.error(r.status)); }
        if (!page) { return r.json(); }
        return r.json().then(function (items) { return { items: items, next: r.headers.get('Continuation-Token') }; });
      });
  }

  /** Every request of a status, page after page, in the server's order: emergencies first, newest first. */
  function every(status, token, before) {
    var path = 'api/escalations?status=' + status + (token ? '&continuation=' + encodeURIComponent(token) : '');
    return call('GET', path, undefined, true).then(function (page) {
      var all = (before || []).concat(page.items);
      return page.next ? every(status, page.next, all) : all;
    });
  }

  /** One request's button, kept from one refresh to the next: its text changes, the element does not. */
  function item(e) {
    var entry = items.get(e.id);
    if (!entry) {
      var b = document.createElement('button');
      b.type = 'button';
      b.addEventListener('click', function () { select(e.id); });
      entry = { li: document.createElement('li'), button: b };
      entry.li.appendChild(b);
      items.set(e.id, entry);
    }
    var reason = document.createElement('span');
    reason.className = 'reason-' + e.reason;
    reason.textContent = w.reason(e.reason);
    entry.button.replaceChildren(reason, document.createTextNode(' · ' + w.procedure(e.procedure) + ' · ' +
      e.language.toUpperCase() + ' · il y a ' + w.age(e.createdAt) + ' · ' + (w.takenBy(e) || w.status(e.status))));
    entry.button.setAttribute('aria-current', String(e.id === detail.selected()));
    return entry.li;
  }

  function draw(open) {
    var focused = document.activeElement;
    open.forEach(function (e, i) {
      var li = item(e);
      if (list.children[i] !== li) { list.insertBefore(li, list.children[i] || null); }
    });
    items.forEach(function (entry, id) {
      if (open.some(function (e) { return e.id === id; })) { return; }
      var hadFocus = entry.li.contains(document.activeElement);
      entry.li.remove();
      items.delete(id);
      if (hadFocus) { document.getElementById('list-title').focus(); }
    });
    // Moving an element (insertBefore) takes focus from it: give it back.
    if (focused && focused !== document.activeElement && list.contains(focused)) { focused.focus(); }
    var emergencies = open.filter(function (e) { return e.reason === 'emergency'; }).length;
    var waiting = open.filter(function (e) { return e.status === 'open'; }).length;
    var count = open.length === 0 ? 'Aucune demande en cours.'
      : open.length + (open.length > 1 ? ' demandes en cours' : ' demande en cours') +
        (emergencies ? ', dont ' + emergencies + ' urgence(s)' : '') +
        (waiting < open.length ? ' : ' + waiting + ' à prendre en charge' : '') + '.';
    var counter = document.getElementById('count');
    if (counter.textContent !== count) { counter.textContent = count; }
  }

  function announce(open) {
    var fresh = known === null ? [] : open.filter(function (e) { return !known.has(e.id); });
    known = new Set(open.map(function (e) { return e.id; }));
    var urgent = fresh.filter(function (e) { return e.reason === 'emergency'; });
    alerts.count(open);
    alerts.arrived(urgent);
    if (urgent.length) { alert.textContent = 'Nouvelle urgence : ' + urgent.map(function (e) { return w.procedure(e.procedure); }).join(', ') + '.'; }
    else if (fresh.length) { alert.textContent = 'Nouvelle demande : ' + fresh.map(function (e) { return w.reason(e.reason); }).join(', ') + '.'; }
  }

  function refresh() {
    if (paused) { return Promise.resolve(); }
    return Promise.all([every('open'), every('acknowledged')]).then(function (lists) {
      var open = lists[0].concat(lists[1]);
      draw(open);
      announce(open);
      document.getElementById('updated').textContent = 'Liste mise à jour à ' + new Date().toLocaleTimeString('fr-FR') + '.';
      var id = detail.selected();
      return id ? call('GET', 'api/escalations/' + encodeURIComponent(id)).then(detail.update) : null;
    }).catch(function () {});
  }

  function select(id) {
    call('GET', 'api/escalations/' + encodeURIComponent(id)).then(function (e) {
      detail.show(e);
      items.forEach(function (entry, key) { entry.button.setAttribute('aria-current', String(key === id)); });
    }).catch(function (err) { if (err.message !== 'auth') { status.textContent = err.message; } });
  }

  var done = { acknowledge: 'Demande prise en charge.', reply: 'Réponse envoyée au patient.', resolve: 'Demande close.' };

  detail.init(function (action, id, value) {
    status.textContent = '';
    if (action === 'erase') { return erase(value); }
    var path = 'api/escalations/' + encodeURIComponent(id) + '/' + action;
    call('POST', path, action === 'reply' ? { text: value } : undefined).then(function (updated) {
      status.textContent = done[action];
      detail.update(updated);
      detail.focusAfter(action);
      refresh();
    }).catch(function (err) { if (err.message !== 'auth') { status.textContent = err.message; } refresh(); });
  });

  function erase(key) {
    if (!confirm('Effacer définitivement la conversation, ses demandes et leur historique ?')) { return; }
    call('DELETE', 'api/conversations/' + encodeURIComponent(key)).then(function (erased) {
      detail.clear('Conversation effacée : ' + erased.escalations + ' demande(s) supprimée(s).');
      status.textContent = 'Conversation effacée.';
      refresh();
    }).catch(function (err) { if (err.message !== 'auth') { status.textContent = err.message; } });
  }

  document.getElementById('pause').addEventListener('click', function () {
    paused = !paused;
    this.setAttribute('aria-pressed', String(paused));
    this.textContent = paused ? 'Reprendre les mises à jour' : 'Suspendre les mises à jour';
    document.getElementById('updated').textContent = paused ? 'Mises à jour suspendues.' : '';
    if (!paused) { refresh(); }
  });

  signIn.start(function () {
    call('GET', 'api/staff/labels').then(function (labels) { w.labels = labels; }).catch(function () {}).then(refresh);
    if (!timer) { timer = setInterval(refresh, 5000); }
  });
})();
