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

  function show(opened) {
    var directLine = window.ChatSession.connect(opened);
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
    status.textContent = opened.expired ? t.restarted : opened.resumed ? t.resumed : '';
    // A resumed conversation the server no longer knows: start a new one rather than a dead chat.
    var subscription = directLine.connectionStatus$.subscribe(function (connection) {
      if (connection !== 4 || !opened.resumed) { return; }
      subscription.unsubscribe();
      directLine.end();
      window.ChatSession.forget();
      window.ReactDOM.unmountComponentAtNode(host);
      window.ChatSession.open().then(function (fresh) { fresh.expired = true; show(fresh); }, failed);
    });
  }

  function failed() { status.textContent = t.failed; window.ChatTexts.linkPhones(status); }

  window.ChatSession.open().then(show, failed);
})();
