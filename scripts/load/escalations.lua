-- wrk script: the escalation-heavy mix of issue 22 (item 9), a busy hospital's worst minute.
-- POSTs message activities with deliveryMode expectReplies to /api/messages. Every conversation lives
-- for four messages and a new one begins, so escalations keep opening (thousands in a minute) and
-- conversations keep arriving: about half the messages are emergencies, crises or requests for a
-- person, the rest questions and follow-ups said during the handoff. Responses that are not 200 or
-- carry no message activity are counted as failures.
local messages = {
  "j'ai eu une vertébroplastie hier et là j'ai 39,5 de fièvre avec des frissons",
  "Je voudrais parler à une infirmière",
  "Quels sont les risques de la vertébroplastie ?",
  "je ne sens plus mes jambes depuis ce matin",
  "now i have a fever of 39 and im shivering",
  "Est-ce que je dois être à jeun avant mon ostéosynthèse ?",
  "que l'anesthésiste me rappelle s'il vous plaît",
  "Devo essere a digiuno?",
  "j'ai du mal à respirer et une douleur dans la poitrine",
  "I want to talk to a nurse please",
  "c'est normal ?",
  "vorrei parlare con un'infermiera",
  "ho la febbre a 39 dopo la cementoplastica",
  "je n'ai plus envie de vivre",
  "quand est ce que je pourrais remarcher apres la cimentoplastie",
  "ok merci, j'attends",
}
local per_conversation = 4
local counter = 0
local failures = 0
local thread_id = 0

function setup(thread)
  thread:set("tid", thread_id)
  thread_id = thread_id + 1
end

function init(args)
  tid = tid or 0
end

request = function()
  counter = counter + 1
  local q = messages[(counter * 7 % #messages) + 1]
  local conv = string.format("esc-%d-%d", tid, math.floor(counter / per_conversation))
  local body = string.format(
    '{"type":"message","id":"a-%d-%d","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/",' ..
    '"from":{"id":"u-%s","role":"user"},"recipient":{"id":"bot","role":"bot"},"conversation":{"id":"%s"},' ..
    '"locale":"fr-FR","text":"%s","deliveryMode":"expectReplies"}', tid, counter, conv, conv, q)
  return wrk.format("POST", "/api/messages", { ["Content-Type"] = "application/json" }, body)
end

response = function(status, headers, body)
  if status ~= 200 or not string.find(body, '"type":"message"', 1, true) then
    failures = failures + 1
  end
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f requests=%d non2xx_or_errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, summary.requests,
    (summary.errors.status or 0) + (summary.errors.connect or 0) + (summary.errors.read or 0) +
    (summary.errors.write or 0) + (summary.errors.timeout or 0)))
end
