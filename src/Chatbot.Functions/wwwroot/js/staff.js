// The staff console. Everything that comes from patients is put in the page as text, never as
// HTML: a message like <img src=x onerror=…> is shown, not run.
(function () {
  'use strict';
  var credential = sessionStorage.getItem('staffCredential');
  var selected = null;
  var status = document.getElementById('status');
  var statuses = { open: 'nouvelle', acknowledged: 'prise en charge', resolved: 'close' };
  var actionNames = { created: 'demande créée', acknowledged: 'prise en charge', replied: 'réponse envoyée', resolved: 'demande close', message: 'message du patient', callback_requested: 'demande de rappel' };
  var reasons = { emergency: 'Urgence', human_requested: 'Demande à parler à quelqu’un', medical_advice: 'Décision médicale', unanswered: 'Question sans réponse', low_confidence: 'Incompréhension' };

  function headers(json) {
    var h = json ? { 'Content-Type': 'application/json' } : {};
    if (credential && credential.split('.').length === 3) { h.Authorization = 'Bearer ' + credential; } else { h['X-Api-Key'] = credential || ''; }
    return h;
  }

  function call(method, path, body) {
    return fetch('api/escalations' + path, { method: method, headers: headers(!!body), body: body ? JSON.stringify(body) : undefined })
      .then(function (r) {
        if (r.status === 401 || r.status === 403) { signOut(r.status === 403 ? 'Accès refusé : rôle Escalations.Handle requis.' : 'Clé ou jeton refusé.'); throw new Error('auth'); }
        if (!r.ok) { return r.json().then(function (p) { throw new Error(p.error || r.status); }); }
        return r.json();
      });
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  function age(createdAt) {
    var minutes = Math.max(0, Math.round((Date.now() - new Date(createdAt).getTime()) / 60000));
    return minutes < 60 ? minutes + ' min' : Math.round(minutes / 60) + ' h';
  }

  /** Never redraw under a nurse who is writing a reply: the text would be lost. Checked when the redraw would happen. */
  function writing() {
    var draft = document.getElementById('reply');
    return !!draft && (draft.value !== '' || document.activeElement === draft);
  }

  function refresh() {
    if (!credential) { return; }
    call('GET', '').then(function (all) {
      var list = document.getElementById('list');
      list.replaceChildren();
      all.filter(function (e) { return e.status !== 'resolved'; }).forEach(function (e) {
        var button = el('button');
        button.type = 'button';
        button.setAttribute('aria-current', String(e.id === selected));
        button.appendChild(el('span', reasons[e.reason] || e.reason, 'reason-' + e.reason));
        button.appendChild(el('span', ' · ' + e.language.toUpperCase() + ' · ' + age(e.createdAt) + ' · ' + (statuses[e.status] || e.status)));
        button.addEventListener('click', function () { selected = e.id; show(e); refresh(); });
        var item = el('li');
        item.appendChild(button);
        list.appendChild(item);
      });
      if (selected && !writing()) {
        call('GET', '/' + encodeURIComponent(selected)).then(function (e) { if (!writing()) { show(e); } }).catch(function () {});
      }
      status.textContent = 'Mis à jour à ' + new Date().toLocaleTimeString('fr-FR');
    }).catch(function () {});
  }

  function show(e) {
    var detail = document.getElementById('detail');
    detail.replaceChildren();
    detail.appendChild(el('p', (reasons[e.reason] || e.reason) + ' — ' + (statuses[e.status] || e.status) + ' — ' + (e.procedure || 'intervention non précisée') + ' — ' + e.id));
    if (e.contact) { detail.appendChild(el('p', 'Rappeler : ' + e.contact)); }
    e.transcript.forEach(function (line) { detail.appendChild(el('p', (line.from === 'patient' ? 'Patient : ' : 'Assistant : ') + line.text, 'line ' + line.from)); });
    var history = el('ul');
    e.history.forEach(function (h) { history.appendChild(el('li', new Date(h.at).toLocaleString('fr-FR') + ' — ' + h.who + ' — ' + (actionNames[h.action] || h.action) + (h.note ? ' : ' + h.note : ''))); });
    detail.appendChild(el('h3', 'Historique'));
    detail.appendChild(history);
    // Right to erasure (RGPD): the conversation's state, its requests and their notices, in one call.
    var erase = el('button', 'Effacer les données de cette conversation (RGPD)', 'danger');
    erase.type = 'button';
    erase.addEventListener('click', function () {
      if (!confirm('Effacer définitivement la conversation, ses demandes et leur historique ?')) { return; }
      fetch('api/conversations/' + encodeURIComponent(e.conversation.key), { method: 'DELETE', headers: headers(false) })
        .then(function (r) {
          if (!r.ok) { throw new Error('effacement refusé (' + r.status + ')'); }
          return r.json();
        })
        .then(function (done) {
          selected = null;
          detail.replaceChildren(el('p', 'Conversation effacée : ' + done.escalations + ' demande(s) supprimée(s).'));
          refresh();
        })
        .catch(function (err) { status.textContent = String(err.message || err); });
    });
    if (e.status === 'resolved') { detail.appendChild(erase); return; }
    var label = el('label', 'Réponse au patient (apparaît dans sa conversation)');
    label.htmlFor = 'reply';
    var reply = el('textarea');
    reply.id = 'reply';
    reply.rows = 3;
    var actions = el('div', null, 'actions');
    function action(text, run) {
      var b = el('button', text, 'primary');
      b.type = 'button';
      b.addEventListener('click', function () { run().then(function (updated) { show(updated); refresh(); }).catch(function (err) { status.textContent = String(err.message || err); }); });
      actions.appendChild(b);
    }
    if (e.status === 'open') { action('Prendre en charge', function () { return call('POST', '/' + encodeURIComponent(e.id) + '/acknowledge'); }); }
    action('Envoyer la réponse', function () { return call('POST', '/' + encodeURIComponent(e.id) + '/reply', { text: reply.value }); });
    action('Clore la demande', function () { return call('POST', '/' + encodeURIComponent(e.id) + '/resolve'); });
    detail.appendChild(label);
    detail.appendChild(reply);
    detail.appendChild(actions);
    detail.appendChild(erase);
  }

  function signOut(message) {
    credential = null;
    sessionStorage.removeItem('staffCredential');
    document.getElementById('console').hidden = true;
    document.getElementById('signin').hidden = false;
    status.textContent = message || '';
  }

  document.getElementById('signin').addEventListener('submit', function (event) {
    event.preventDefault();
    credential = document.getElementById('key').value.trim();
    sessionStorage.setItem('staffCredential', credential);
    start();
  });

  function start() {
    document.getElementById('signin').hidden = true;
    document.getElementById('entra').hidden = true;
    document.getElementById('console').hidden = false;
    refresh();
  }

  // Microsoft Entra ID: authorization code with PKCE, straight from the browser (the console is a
  // single-page application registration; no secret). The access token carries the app role.
  function base64Url(bytes) {
    return btoa(String.fromCharCode.apply(null, new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function redirectUri() { return location.origin + location.pathname; }

  function entraSignIn(signIn) {
    var verifier = base64Url(crypto.getRandomValues(new Uint8Array(48)));
    var state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
    sessionStorage.setItem('pkce', JSON.stringify({ verifier: verifier, state: state }));
    crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)).then(function (hash) {
      var query = new URLSearchParams({
        client_id: signIn.clientId, response_type: 'code', redirect_uri: redirectUri(), scope: signIn.scope,
        code_challenge: base64Url(hash), code_challenge_method: 'S256', state: state, response_mode: 'query'
      });
      location.assign(signIn.authorizeUrl + '?' + query.toString());
    });
  }

  function completeSignIn(signIn, params) {
    var pkce = JSON.parse(sessionStorage.getItem('pkce') || '{}');
    sessionStorage.removeItem('pkce');
    history.replaceState(null, '', location.pathname);
    if (!pkce.state || pkce.state !== params.get('state')) { status.textContent = 'Connexion refusée (état inattendu).'; return; }
    fetch(signIn.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: signIn.clientId, grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(), code_verifier: pkce.verifier, scope: signIn.scope })
    }).then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (tokens) { credential = tokens.access_token; sessionStorage.setItem('staffCredential', credential); start(); })
      .catch(function () { status.textContent = 'Connexion Entra ID impossible.'; });
  }

  fetch('api/staff/sign-in').then(function (r) { return r.status === 200 ? r.json() : null; }).then(function (signIn) {
    if (!signIn) { return; }
    document.getElementById('entra').hidden = !!credential;
    document.getElementById('entra-signin').addEventListener('click', function () { entraSignIn(signIn); });
    var params = new URLSearchParams(location.search);
    if (params.get('code')) { completeSignIn(signIn, params); }
  }).catch(function () {});

  if (credential) { start(); }
  setInterval(refresh, 5000);
})();
