// "Questions à revoir": the questions the assistant failed on, by topic and procedure, the group with
// the newest question first; an editor marks each handled once it is labelled (chatbot review export).
// Patients' words are shown as text, never as HTML.
(function () {
  'use strict';
  var w = window.StaffWords;
  var signIn = window.StaffSignIn;
  var status = document.getElementById('status');
  var groups = document.getElementById('groups');
  var withHandled = document.getElementById('with-handled');
  var reasons = {
    fallback: 'non comprise', not_in_documents: 'absente de nos documents', low_confidence: 'comprise avec doute',
    escalation_offered: 'réponse insuffisante, équipe proposée', thumbs_down: 'réponse jugée inutile par le patient'
  };

  function call(method, path) {
    return fetch(path, { method: method, headers: signIn.headers(false) })
      .catch(function () { throw new Error(w.error('network')); })
      .then(function (r) {
        if (r.status === 401) { signIn.signOut('Clé ou jeton refusé : reconnectez-vous.'); throw new Error('auth'); }
        if (r.status === 403) { signIn.signOut('Accès refusé : le rôle Escalations.Handle est nécessaire.'); throw new Error('auth'); }
        if (r.status === 404) { throw new Error('Cette question n’existe plus (effacée ?).'); }
        if (!r.ok) { throw new Error(w.error(r.status)); }
        return r.json();
      });
  }

  function el(tag, text, className) {
    var e = document.createElement(tag);
    if (text !== undefined) { e.textContent = text; }
    if (className) { e.className = className; }
    return e;
  }

  function topic(code) { return w.labels.topics[code] || code; }

  function when(at) {
    return new Date(at).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short' });
  }

  function entry(e) {
    var li = el('li', undefined, 'review-entry');
    li.appendChild(el('p', e.question, 'line patient'));
    li.appendChild(el('p', reasons[e.reason] + ' · ' + e.language.toUpperCase() + ' · ' + when(e.at) +
      ' · sujet deviné : ' + topic(e.topic) + ' (' + Math.round(e.confidence * 100) + ' %)' +
      (e.snippetIds.length ? ' · extraits montrés : ' + e.snippetIds.join(', ') : ''), 'meta'));
    if (e.handledAt) {
      li.appendChild(el('p', 'Traitée par ' + (e.handledBy || '?') + ' le ' + when(e.handledAt), 'meta'));
      return li;
    }
    var done = el('button', 'Marquer comme traitée', 'secondary');
    done.type = 'button';
    done.setAttribute('aria-label', 'Marquer comme traitée : ' + e.question);
    done.addEventListener('click', function () {
      call('POST', 'api/staff/review/' + encodeURIComponent(e.id) + '/handled').then(function () {
        status.textContent = 'Question marquée comme traitée.';
        return load();
      }).then(function () { document.getElementById('list-title').focus(); })
        .catch(function (error) { if (error.message !== 'auth') { status.textContent = error.message; } });
    });
    li.appendChild(done);
    return li;
  }

  function group(g) {
    var section = el('section', undefined, 'review-group');
    var title = el('h3', topic(g.topic) + ' — ' + w.procedure(g.procedure) + ' : ' + g.count + ' question(s)');
    section.appendChild(title);
    var ul = el('ul');
    g.entries.forEach(function (e) { ul.appendChild(entry(e)); });
    section.appendChild(ul);
    return section;
  }

  function feedback(rows) {
    var box = document.getElementById('feedback');
    if (!rows.length) { box.replaceChildren(el('p', 'Aucun avis pour l’instant.')); return; }
    var table = el('table');
    table.appendChild(el('caption', 'Réponses jugées utiles ou inutiles, par extrait cité (le plus souvent jugé inutile en premier)'));
    var head = el('tr');
    ['Extrait', 'Utile', 'Inutile'].forEach(function (h) { var th = el('th', h); th.scope = 'col'; head.appendChild(th); });
    table.appendChild(head);
    rows.forEach(function (f) {
      var tr = el('tr');
      var th = el('th', f.snippetId);
      th.scope = 'row';
      tr.appendChild(th);
      tr.appendChild(el('td', String(f.up)));
      tr.appendChild(el('td', String(f.down)));
      table.appendChild(tr);
    });
    box.replaceChildren(table);
  }

  function load() {
    return call('GET', 'api/staff/review' + (withHandled.checked ? '?handled=true' : '')).then(function (board) {
      document.getElementById('count').textContent = board.waiting === 0
        ? 'Aucune question en attente.' : board.waiting + ' question(s) en attente.';
      groups.replaceChildren.apply(groups, board.groups.map(group));
      feedback(board.feedback);
    });
  }

  function start() {
    call('GET', 'api/staff/labels').then(function (labels) { w.labels = labels; }).catch(function () {})
      .then(load).catch(function (error) { if (error.message !== 'auth') { status.textContent = error.message; } });
  }

  withHandled.addEventListener('change', function () { load().catch(function () {}); });
  document.getElementById('refresh').addEventListener('click', function () {
    load().then(function () { status.textContent = 'Liste actualisée.'; }).catch(function () {});
  });
  signIn.start(start);
})();
