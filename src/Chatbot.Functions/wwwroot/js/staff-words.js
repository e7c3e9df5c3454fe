// The console's words: what nurses read instead of the API's codes. Topic and procedure names come
// from dialogs/ (GET api/staff/labels), so they are the ones patients see.
(function () {
  'use strict';
  var words = {
    reasons: {
      emergency: 'Urgence', human_requested: 'Demande à parler à quelqu’un', medical_advice: 'Question médicale personnelle',
      unanswered: 'Question sans réponse dans nos documents', low_confidence: 'L’assistant n’a pas compris'
    },
    statuses: { open: 'nouvelle', acknowledged: 'prise en charge', resolved: 'close' },
    actions: {
      created: 'demande créée', acknowledged: 'prise en charge', replied: 'réponse envoyée', resolved: 'demande close',
      message: 'message du patient', callback_requested: 'demande de rappel',
      erasure_requested: 'le patient a demandé l’effacement de ses messages'
    },
    botActions: {
      answer: 'a répondu', clarify: 'a demandé une précision', escalate: 'a transmis à l’équipe',
      smalltalk: 'a échangé', fallback: 'n’a pas compris'
    },
    errors: {
      400: 'La réponse est vide ou trop longue (4 000 caractères au plus).',
      404: 'Cette demande n’existe plus (effacée ?).',
      409: 'Cette demande a changé entre-temps (déjà prise en charge ou close) : la liste est à jour.',
      413: 'Le message est trop long.',
      429: 'Trop de tentatives : réessayez dans une minute.',
      502: 'La conversation du patient n’a pas accepté le message : réessayez, ou appelez le patient.',
      network: 'Le serveur ne répond pas : vérifiez la connexion et réessayez.',
      other: 'L’action a échoué : réessayez.'
    },
    labels: { topics: {}, procedures: {} }
  };

  words.reason = function (code) { return words.reasons[code] || 'Autre demande'; };
  words.status = function (code) { return words.statuses[code] || code; };
  words.action = function (code) { return words.actions[code] || code; };
  words.procedure = function (code) { return code ? words.labels.procedures[code] || code : 'intervention non précisée'; };
  words.error = function (status) { return words.errors[status] || words.errors.other; };

  /** How long ago a request was made, as a nurse says it: "4 min", "2 h". */
  words.age = function (createdAt) {
    var minutes = Math.max(0, Math.round((Date.now() - new Date(createdAt).getTime()) / 60000));
    return minutes < 60 ? minutes + ' min' : Math.round(minutes / 60) + ' h';
  };

  /**
   * Who took the request and when: the history's first "acknowledged", or the first reply, which takes it
   * too (EscalationRecord.Reply). Null while nobody has. Every nurse reads it from the same history.
   */
  words.taken = function (e) {
    return (e.history || []).find(function (h) { return h.action === 'acknowledged' || h.action === 'replied'; }) || null;
  };

  words.takenBy = function (e) {
    var taken = words.taken(e);
    return taken ? 'prise en charge par ' + taken.who + ' à ' +
      new Date(taken.at).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' }) : null;
  };

  /** A transcript line for a nurse: "[escalate/emergency] text" from the assistant becomes words. */
  words.line = function (line) {
    if (line.from === 'patient') { return { who: 'Patient', text: line.text }; }
    var coded = /^\[([a-z_]+)\/([a-z_-]+)\] ?/.exec(line.text);
    if (!coded) { return { who: 'Assistant', text: line.text }; }
    var topic = words.labels.topics[coded[2]];
    var did = words.botActions[coded[1]] || '';
    return { who: 'Assistant (' + did + (topic ? ' — ' + topic.toLowerCase() : '') + ')', text: line.text.slice(coded[0].length) };
  };

  window.StaffWords = words;
})();
