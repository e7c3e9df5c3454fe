// Signing in to the console: the local access key (with the nurse's name, for the audit trail), or
// Microsoft Entra ID with the authorization code and PKCE, straight from the browser (the console is a
// single-page application registration; no secret). The access token carries the app role.
(function () {
  'use strict';
  var credential = sessionStorage.getItem('staffCredential');
  var name = sessionStorage.getItem('staffName') || '';
  var status = document.getElementById('status');
  var onSignedIn = function () {};

  function headers(json) {
    var h = json ? { 'Content-Type': 'application/json' } : {};
    if (credential && credential.split('.').length === 3) { h.Authorization = 'Bearer ' + credential; } else { h['X-Api-Key'] = credential || ''; }
    if (name) { h['X-Staff-Name'] = encodeURIComponent(name); }
    return h;
  }

  function show(signedIn) {
    document.getElementById('signin').hidden = signedIn;
    document.getElementById('console').hidden = !signedIn;
    if (signedIn) { document.getElementById('entra').hidden = true; }
  }

  function signedIn(token) {
    credential = token;
    sessionStorage.setItem('staffCredential', credential);
    show(true);
    onSignedIn();
  }

  function signOut(message) {
    credential = null;
    sessionStorage.removeItem('staffCredential');
    show(false);
    status.textContent = message || '';
    document.getElementById('key').focus();
  }

  document.getElementById('signin').addEventListener('submit', function (event) {
    event.preventDefault();
    name = document.getElementById('name').value.trim();
    sessionStorage.setItem('staffName', name);
    signedIn(document.getElementById('key').value.trim());
    document.getElementById('list-title').focus();
  });

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
      body: new URLSearchParams({
        client_id: signIn.clientId, grant_type: 'authorization_code', code: params.get('code'),
        redirect_uri: redirectUri(), code_verifier: pkce.verifier, scope: signIn.scope
      })
    }).then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (tokens) { signedIn(tokens.access_token); })
      .catch(function () { status.textContent = 'Connexion Entra ID impossible.'; });
  }

  window.StaffSignIn = {
    headers: headers,
    signOut: signOut,
    /** Calls <paramref name="ready"/> once signed in (at once when this tab already is). */
    start: function (ready) {
      onSignedIn = ready;
      fetch('api/staff/sign-in').then(function (r) { return r.status === 200 ? r.json() : null; }).then(function (signIn) {
        if (!signIn) { return; }
        document.getElementById('entra').hidden = !!credential;
        document.getElementById('entra-signin').addEventListener('click', function () { entraSignIn(signIn); });
        var params = new URLSearchParams(location.search);
        if (params.get('code')) { completeSignIn(signIn, params); }
      }).catch(function () {});
      show(!!credential);
      if (credential) { ready(); }
    }
  };
})();
