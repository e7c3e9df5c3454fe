// Keeps the patient's Direct Line conversation for the browser tab (sessionStorage: gone when the tab
// closes, never shared with another tab), so a reload resumes the same conversation, where a reply
// from the care team may still arrive. Web Chat's usual pattern: a token and conversation id kept for
// the session, refreshed, and the conversation resumed ("GET conversation"), its history replayed.
(function () {
  'use strict';
  var key = 'chatbot.directline';

  function saved() {
    try { return JSON.parse(sessionStorage.getItem(key) || 'null'); } catch (e) { return null; }
  }

  function save(session) { sessionStorage.setItem(key, JSON.stringify(session)); }

  function forget() { sessionStorage.removeItem(key); }

  function json(response, what) {
    if (!response.ok) { throw new Error(what + ' ' + response.status); }
    return response.json();
  }

  /** A new conversation: the server exchanges its secret for a token (the secret never reaches the page). */
  function start() {
    return fetch('api/directline/token', { method: 'POST' })
      .then(function (r) { return json(r, 'token'); })
      .then(function (s) {
        var session = { token: s.token, conversationId: s.conversationId, domain: s.domain, userId: s.userId };
        save(session);
        return { session: session, resumed: false };
      });
  }

  /** The kept conversation, with a fresh token; fails when the token has expired or is unknown. */
  function resume(session) {
    return fetch(session.domain + '/tokens/refresh', { method: 'POST', headers: { Authorization: 'Bearer ' + session.token } })
      .then(function (r) { return json(r, 'refresh'); })
      .then(function (t) {
        if (t.conversationId && t.conversationId !== session.conversationId) { throw new Error('another conversation'); }
        session.token = t.token;
        save(session);
        return { session: session, resumed: true };
      });
  }

  window.ChatSession = {
    /** Resolves to { session, resumed, expired }: resumed when this tab had a conversation still valid. */
    open: function () {
      var previous = saved();
      if (!previous || !previous.domain || !previous.conversationId) { return start(); }
      return resume(previous).catch(function () {
        forget();
        return start().then(function (opened) { opened.expired = true; return opened; });
      });
    },

    forget: forget,

    /** Web Chat's Direct Line on the session; polling (no WebSocket) so it works behind any proxy. */
    connect: function (opened) {
      var session = opened.session;
      var directLine = window.WebChat.createDirectLine({
        token: session.token, domain: session.domain, webSocket: false,
        conversationId: opened.resumed ? session.conversationId : undefined
      });
      // Direct Line's client refreshes its token itself: keep the newest one for the next reload.
      function keep() {
        if (directLine.token && directLine.token !== session.token) { session.token = directLine.token; save(session); }
      }
      setInterval(keep, 30000);
      window.addEventListener('pagehide', keep);
      return directLine;
    }
  };
})();
