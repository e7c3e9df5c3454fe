// The patient page's own words, per language (the bot's words come from dialogs/ on the server).
// Emergency and crisis numbers become tel: links wherever the page or the bot's own sentences give them.
(function () {
  'use strict';
  window.ChatTexts = {
    fr: {
      skip: 'Aller à la conversation', title: 'Vos questions sur votre intervention',
      subtitle: 'Radiologie interventionnelle — cimentoplastie, vertébroplastie, ostéosynthèse percutanée',
      noticeTitle: 'Information générale.',
      notice: "Cet assistant répond en citant les documents du service ; il ne remplace pas l'avis de votre médecin.",
      emergency: 'Urgence : appelez le 15 ou le 112.', chatLabel: "Conversation avec l'assistant",
      connecting: 'Connexion…', resumed: 'Votre conversation reprend où vous l’aviez laissée.',
      restarted: 'Votre conversation précédente a expiré : une nouvelle conversation commence.',
      reconnecting: 'La connexion a été interrompue : reconnexion en cours…',
      reconnected: 'Connexion rétablie : vous pouvez continuer.',
      offline: 'Pas de connexion internet pour le moment. En cas d’urgence, appelez le 15 ou le 112.',
      failed: "L'assistant est momentanément indisponible. En cas d'urgence, appelez le 15 ou le 112.",
      placeholder: 'Écrivez votre question', said: 'Message reçu :', careTeam: 'Équipe soignante',
      emergencyLabel: 'Urgence', quoteSource: 'Source'
    },
    it: {
      skip: 'Vai alla conversazione', title: 'Le sue domande sul suo intervento',
      subtitle: 'Radiologia interventistica — cementoplastica, vertebroplastica, osteosintesi percutanea',
      noticeTitle: 'Informazione generale.',
      notice: 'Questo assistente risponde citando i documenti del servizio; non sostituisce il parere del suo medico.',
      emergency: 'Emergenza: chiami il 112 o il 118.', chatLabel: "Conversazione con l'assistente",
      connecting: 'Connessione…', resumed: 'La conversazione riprende da dove l’aveva lasciata.',
      restarted: 'La conversazione precedente è scaduta: ne inizia una nuova.',
      reconnecting: 'La connessione si è interrotta: riconnessione in corso…',
      reconnected: 'Connessione ristabilita: può continuare.',
      offline: 'Nessuna connessione internet al momento. In caso di emergenza chiami il 112 o il 118.',
      failed: "L'assistente non è momentaneamente disponibile. In caso di emergenza chiami il 112 o il 118.",
      placeholder: 'Scriva la sua domanda', said: 'Messaggio ricevuto:', careTeam: 'Équipe sanitaria',
      emergencyLabel: 'Emergenza', quoteSource: 'Fonte'
    },
    en: {
      skip: 'Go to the conversation', title: 'Your questions about your procedure',
      subtitle: 'Interventional radiology — cementoplasty, vertebroplasty, percutaneous osteosynthesis',
      noticeTitle: 'General information.',
      notice: "This assistant answers by quoting the department's documents; it does not replace your doctor's advice.",
      emergency: 'Emergency: call 15 or 112 (France), 112 or 118 (Italy).', chatLabel: 'Conversation with the assistant',
      connecting: 'Connecting…', resumed: 'Your conversation continues where you left it.',
      restarted: 'Your previous conversation has expired: a new one starts.',
      reconnecting: 'The connection was lost: reconnecting…',
      reconnected: 'Connection restored: you can carry on.',
      offline: 'No internet connection for the moment. In an emergency call 15 or 112.',
      failed: 'The assistant is unavailable for the moment. In an emergency call 15 or 112.',
      placeholder: 'Type your question', said: 'Message received:', careTeam: 'Care team',
      emergencyLabel: 'Emergency', quoteSource: 'Source'
    }
  };

  // Short numbers as dialled in their country; the Italian crisis line (Telefono Amico) in full.
  var phones = [
    { pattern: '02 2327 2327', tel: '+390223272327' }, { pattern: '3114', tel: '3114' },
    { pattern: '112', tel: '112' }, { pattern: '118', tel: '118' }, { pattern: '15', tel: '15' }
  ];
  // A number followed by an hour or a duration ("avant 15 h", "15 minutes") is not a phone number.
  var notAfter = /^\s*(h\b|heures?|hours?|ore\b|min|minutes?|minuti|jours?|days?|giorni|%|:\d)/i;

  /** Replaces the emergency numbers in the text nodes of <paramref name="root"/> with tel: links. */
  window.ChatTexts.linkPhones = function (root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) { if (!walker.currentNode.parentNode.closest('a, button')) { nodes.push(walker.currentNode); } }
    nodes.forEach(function (node) { linkNode(node); });
  };

  function linkNode(node) {
    var text = node.nodeValue;
    for (var i = 0; i < phones.length; i++) {
      var at = find(text, phones[i].pattern);
      if (at < 0) { continue; }
      var after = node.splitText(at);
      var rest = after.splitText(phones[i].pattern.length);
      var link = document.createElement('a');
      link.href = 'tel:' + phones[i].tel;
      link.className = 'phone';
      link.textContent = phones[i].pattern;
      after.parentNode.replaceChild(link, after);
      linkNode(node);
      linkNode(rest);
      return;
    }
  }

  function find(text, pattern) {
    var from = 0;
    while (true) {
      var at = text.indexOf(pattern, from);
      if (at < 0) { return -1; }
      var before = at === 0 ? '' : text.charAt(at - 1);
      var end = at + pattern.length;
      if (!/[0-9\w]/.test(before) && !/[0-9\w]/.test(text.charAt(end) || '') && !notAfter.test(text.slice(end))) { return at; }
      from = at + 1;
    }
  }
})();
