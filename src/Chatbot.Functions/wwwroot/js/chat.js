// The patient page: opens Microsoft's Web Chat on a Direct Line token from the bot's server (never a
// secret), in the browser's language (French by default; Italian; English), and resumes the tab's
// conversation after a reload.
(function () {
  'use strict';
  var wanted = ((navigator.languages && navigator.languages[0]) || navigator.language || 'fr').slice(0, 2).toLowerCase();
  var language = ['fr', 'it', 'en'].indexOf(wanted) >= 0 ? wanted : 'fr';
  var t = window.ChatTexts[language];
  var locale = { fr: 'fr-FR', it: 'it-IT', en: 'en-GB' }[language];
  var host = document.getElementById('webchat');
  var status = document.getElementById('status');

  document.documentElement.lang = language;
  document.querySelectorAll('[data-i18n]').forEach(function (el) { el.textContent = t[el.getAttribute('data-i18n')]; });
  document.querySelectorAll('[data-i18n-label]').forEach(function (el) { el.setAttribute('aria-label', t[el.getAttribute('data-i18n-label')]); });
  document.querySelectorAll('[data-phones]').forEach(window.ChatTexts.linkPhones);
  document.title = t.title;
  status.textContent = t.connecting;
  window.ChatRender.watchOpenedReferences();

  var styleOptions = {
    accent: '#005a9c', primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    bubbleBackground: '#f2f5f8', bubbleFromUserBackground: '#005a9c', bubbleFromUserTextColor: '#ffffff',
    bubbleMinWidth: 0, bubbleMaxWidth: 640,
    sendBoxTextWrap: true, hideUploadButton: true,
    // Long procedure names wrap instead of being cut with "…" on a phone or at 400 % zoom (WCAG 1.4.10).
    suggestedActionLayout: 'stacked', suggestedActionsStackedLayoutButtonTextWrap: true,
    rootHeight: '100%', rootWidth: '100%'
  };

  /** The Direct Line on screen and its status subscription, to end them when the connection is lost. */
  var shown = null;

  function show(opened, afterLoss) {
    var directLine = window.ChatSession.connect(opened);
    var online = false;
    window.WebChat.renderWebChat({
      directLine: directLine,
      userID: opened.session.userId,
      locale: locale,
      styleOptions: styleOptions,
      activityMiddleware: window.ChatRender.activityMiddleware(t),
      renderMarkdown: window.ChatRender.renderMarkdown,
      // "Message received:" rather than "Bot said:": the care team writes in this chat too.
      overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: t.placeholder, ACTIVITY_BOT_SAID_ALT: t.said }
    }, host);
    status.textContent = opened.expired ? t.restarted : afterLoss ? t.reconnected : opened.resumed ? t.resumed : '';
    // An expired token (3) or a connection that failed (4), at any time: say so and reconnect — the kept
    // conversation with a refreshed token, else a new one — rather than leave a dead chat. A resumed
    // conversation that fails before ever coming online is one the server no longer knows: a new one.
    var subscription = directLine.connectionStatus$.subscribe(function (connection) {
      if (connection === 2) { online = true; return; }
      if (connection !== 3 && connection !== 4) { return; }
      if (!online) { window.ChatSession.forget(); }
      restart();
    });
    shown = { directLine: directLine, subscription: subscription };
  }

  /** Ends the Direct Line on screen and opens the conversation again (a new one if it was forgotten). */
  function restart() {
    if (shown) { shown.subscription.unsubscribe(); shown.directLine.end(); shown = null; }
    window.ReactDOM.unmountComponentAtNode(host);
    status.textContent = t.reconnecting;
    reconnect(1);
  }

  /** Tries again after 2, 4, 8… seconds (at most 30) while the server cannot be reached. */
  function reconnect(attempt) {
    window.ChatSession.open().then(function (fresh) { show(fresh, true); }, function () {
      failed();
      setTimeout(function () { reconnect(attempt + 1); }, Math.min(30000, 1000 * Math.pow(2, attempt)));
    });
  }

  // The browser's own signal: the patient knows at once that messages cannot leave. Its 'online' only means
  // a network is back: once the server itself answers, the conversation is opened again on a fresh Direct
  // Line — the old one may still be waiting out its own retries, and a message sent on it then waited
  // with it ("sending…") — and "restored" is said when it is on screen.
  window.addEventListener('offline', function () { status.textContent = t.offline; });
  window.addEventListener('online', function () { status.textContent = t.reconnecting; whenReachable(1); });

  function whenReachable(attempt) {
    fetch('api/health', { cache: 'no-store' }).then(function (answer) {
      if (!answer.ok) { throw new Error('health ' + answer.status); }
      if (navigator.onLine && shown) { restart(); }
    }).catch(function () {
      if (navigator.onLine) { setTimeout(function () { whenReachable(attempt + 1); }, Math.min(30000, 500 * attempt)); }
    });
  }

  function failed() { status.textContent = t.failed; window.ChatTexts.linkPhones(status); }

  window.ChatSession.open().then(show, failed);
})();
