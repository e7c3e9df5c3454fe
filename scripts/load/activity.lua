-- Copied from the team's shared benchmark kit so both bots get the very same load.
-- wrk script: POSTs Bot Framework message activities with deliveryMode expectReplies to /api/messages.
-- Each request has a new activity id, a conversation id drawn from 1000, and a question drawn from a mixed
-- FR/IT/EN list. Responses that are not 200 or carry no message activity are counted as failures.
local questions = {
  "Est-ce que je dois être à jeun avant mon ostéosynthèse ?",
  "quand est ce que je pourrais remarcher apres la cimentoplastie",
  "Quels sont les risques de la vertébroplastie ?",
  "C'est remboursé par la sécu ?",
  "je serai endormie pendant l'intervention ?",
  "Dopo quanto tempo posso camminare?",
  "Devo essere a digiuno?",
  "What are the risks of cementoplasty?",
  "Bonjour",
  "Je voudrais parler à une infirmière",
}
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
  local q = questions[(counter % #questions) + 1]
  local conv = string.format("load-%d-%d", tid, counter % 1000)
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
