// One request, in detail: built once when the nurse selects it, then only its summary, transcript and
// history are refreshed, so a reply being written and the keyboard focus stay where they are
// (WCAG 2.4.3). Everything that comes from patients is put in the page as text, never as HTML.
(function () {
  'use strict';
  var w = window.StaffWords;
  var detail = document.getElementById('detail');
  var heading = document.getElementById('detail-title');
  var current = null;
  var act = null;

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  function button(text, className, run) {
    var b = el('button', text, className);
    b.type = 'button';
    b.addEventListener('click', run);
    return b;
  }

  function fill(parts, e) {
    parts.summary.textContent = w.status(e.status) + ' — ' + w.procedure(e.procedure) + ' — langue : ' + e.language.toUpperCase() +
      ' — créée le ' + new Date(e.createdAt).toLocaleString('fr-FR');
    var taken = w.taken(e);
    parts.taken.textContent = taken ? 'Prise en charge par ' + taken.who + ' le ' + new Date(taken.at).toLocaleString('fr-FR') + '.'
      : 'Personne n’a encore pris en charge cette demande.';
    parts.contact.textContent = e.contact ? 'Rappeler : ' + e.contact : '';
    parts.contact.hidden = !e.contact;
    parts.transcript.replaceChildren.apply(parts.transcript, e.transcript.map(function (line) {
      var said = w.line(line);
      var p = el('p', null, 'line ' + line.from);
      p.append(el('strong', said.who + ' : '), document.createTextNode(said.text));
      return p;
    }));
    parts.history.replaceChildren.apply(parts.history, e.history.map(function (h) {
      return el('li', new Date(h.at).toLocaleString('fr-FR') + ' — ' + h.who + ' — ' + w.action(h.action) + (h.note ? ' : ' + h.note : ''));
    }));
  }

  /** The reply box and buttons for the request's status; the draft is kept when they are rebuilt. */
  function actions(e) {
    var box = el('div', null, 'respond');
    if (e.status !== 'resolved') {
      var label = el('label', 'Réponse au patient (apparaît dans sa conversation)');
      label.htmlFor = 'reply';
      var reply = el('textarea');
      reply.id = 'reply';
      reply.rows = 3;
      reply.maxLength = 4000;
      var row = el('div', null, 'actions');
      if (e.status === 'open') { row.appendChild(button('Prendre en charge', 'primary', function () { act('acknowledge', e.id); })); }
      row.appendChild(button('Envoyer la réponse', 'primary', function () { act('reply', e.id, reply.value); }));
      row.appendChild(button('Clore la demande', 'secondary', function () { act('resolve', e.id); }));
      box.append(label, reply, row);
    }
    box.appendChild(button('Effacer les données de cette conversation (RGPD)', 'danger', function () { act('erase', e.id, e.conversation.key); }));
    return box;
  }

  window.StaffDetail = {
    /** act(action, id, value): what the buttons do (see staff.js). */
    init: function (run) { act = run; },

    selected: function () { return current && current.id; },

    /** A newly selected request: built whole, and focus moves to its heading. */
    show: function (e) {
      var parts = { summary: el('p'), taken: el('p', null, 'taken'), contact: el('p'), transcript: el('div', null, 'transcript'), history: el('ul'), actions: actions(e) };
      current = { id: e.id, status: e.status, parts: parts };
      heading.textContent = 'Détail : ' + w.reason(e.reason);
      fill(parts, e);
      detail.replaceChildren(parts.summary, parts.taken, parts.contact, el('h3', 'Conversation (données personnelles masquées)'), parts.transcript,
        el('h3', 'Historique'), parts.history, parts.actions);
      heading.focus();
    },

    /** The same request, refreshed: only what changed is redrawn; the draft and the focus stay. */
    update: function (e) {
      if (!current || current.id !== e.id) { return; }
      fill(current.parts, e);
      if (e.status === current.status) { return; }
      var draft = document.getElementById('reply');
      var text = draft ? draft.value : '';
      var focused = current.parts.actions.contains(document.activeElement) ? document.activeElement.textContent : null;
      var next = actions(e);
      current.parts.actions.replaceWith(next);
      current.parts.actions = next;
      current.status = e.status;
      var reply = document.getElementById('reply');
      if (reply) { reply.value = text; }
      if (focused === null) { return; }
      // The button that had focus is gone with the old status: the same one if it still exists, else the reply box.
      var same = Array.prototype.find.call(next.querySelectorAll('button'), function (b) { return b.textContent === focused; });
      (same || reply || heading).focus();
    },

    /** Where focus goes after an action removed the button that had it. */
    focusAfter: function (action) {
      var reply = document.getElementById('reply');
      if (action === 'reply' && reply) { reply.value = ''; return; }
      if (action === 'acknowledge' && reply) { reply.focus(); return; }
      if (!detail.contains(document.activeElement)) { heading.focus(); }
    },

    clear: function (message) {
      current = null;
      heading.textContent = 'Détail';
      detail.replaceChildren(el('p', message));
      heading.focus();
    }
  };
})();
