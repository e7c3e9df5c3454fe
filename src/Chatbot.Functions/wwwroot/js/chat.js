// The patient page: asks the bot's server for a Direct Line token (never a secret), then opens
// Microsoft's Web Chat on it, in the browser's language (French by default; Italian; English).
(function () {
  'use strict';
  var texts = {
    fr: {
      skip: 'Aller à la conversation', title: 'Vos questions sur votre intervention',
      subtitle: 'Radiologie interventionnelle — cimentoplastie, vertébroplastie, ostéosynthèse percutanée',
      noticeTitle: 'Information générale.', notice: "Cet assistant répond en citant les documents du service ; il ne remplace pas l'avis de votre médecin.",
      emergency: 'Urgence : appelez le 15 ou le 112.', chatLabel: "Conversation avec l'assistant",
      connecting: 'Connexion…', failed: "L'assistant est momentanément indisponible. En cas d'urgence, appelez le 15 ou le 112.", placeholder: 'Écrivez votre question'
    },
    it: {
      skip: 'Vai alla conversazione', title: 'Le sue domande sul suo intervento',
      subtitle: 'Radiologia interventistica — cementoplastica, vertebroplastica, osteosintesi percutanea',
      noticeTitle: 'Informazione generale.', notice: 'Questo assistente risponde citando i documenti del servizio; non sostituisce il parere del suo medico.',
      emergency: 'Emergenza: chiami il 112 o il 118.', chatLabel: "Conversazione con l'assistente",
      connecting: 'Connessione…', failed: "L'assistente non è momentaneamente disponibile. In caso di emergenza chiami il 112 o il 118.", placeholder: 'Scriva la sua domanda'
    },
    en: {
      skip: 'Go to the conversation', title: 'Your questions about your procedure',
      subtitle: 'Interventional radiology — cementoplasty, vertebroplasty, percutaneous osteosynthesis',
      noticeTitle: 'General information.', notice: "This assistant answers by quoting the department's documents; it does not replace your doctor's advice.",
      emergency: 'Emergency: call 15 or 112 (France), 112 or 118 (Italy).', chatLabel: 'Conversation with the assistant',
      connecting: 'Connecting…', failed: 'The assistant is unavailable for the moment. In an emergency call 15 or 112.', placeholder: 'Type your question'
    }
  };
  var wanted = (navigator.languages && navigator.languages[0]) || navigator.language || 'fr';
  var language = ['fr', 'it', 'en'].indexOf(wanted.slice(0, 2).toLowerCase()) >= 0 ? wanted.slice(0, 2).toLowerCase() : 'fr';
  var t = texts[language];
  var locale = { fr: 'fr-FR', it: 'it-IT', en: 'en-GB' }[language];
  document.documentElement.lang = language;
  document.querySelectorAll('[data-i18n]').forEach(function (el) { el.textContent = t[el.getAttribute('data-i18n')]; });
  document.querySelectorAll('[data-i18n-label]').forEach(function (el) { el.setAttribute('aria-label', t[el.getAttribute('data-i18n-label')]); });
  document.title = t.title;
  var status = document.getElementById('status');
  status.textContent = t.connecting;

  fetch('api/directline/token', { method: 'POST' })
    .then(function (response) { if (!response.ok) { throw new Error('token ' + response.status); } return response.json(); })
    .then(function (session) {
      window.WebChat.renderWebChat({
        directLine: window.WebChat.createDirectLine({ token: session.token, domain: session.domain, webSocket: false }),
        userID: session.userId,
        locale: locale,
        styleOptions: {
          accent: '#005a9c', primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
          bubbleBackground: '#f2f5f8', bubbleFromUserBackground: '#005a9c', bubbleFromUserTextColor: '#ffffff',
          sendBoxTextWrap: true, hideUploadButton: true, suggestedActionLayout: 'stacked',
          rootHeight: '100%', rootWidth: '100%'
        },
        overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: t.placeholder }
      }, document.getElementById('webchat'));
      status.textContent = '';
    })
    .catch(function () { status.textContent = t.failed; });
})();
