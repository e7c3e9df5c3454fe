# Reads `perf script` (one sample per blank-line separated call stack, leaf first) and prints the share
# of samples owned by telemetry: a sample is telemetry's when its nearest owning frame is OpenTelemetry,
# DiagnosticSource's spans and meters or ASP.NET Core's request diagnostics, or when it runs on the
# batch export or metric reader thread. Generic frames (runtime, GC, collections, libc, kernel) belong
# to whoever called them, so a collection that telemetry's allocations set off is counted as telemetry's.
BEGIN { RS = "" }
{
  n++
  owner = "other"
  if ($0 ~ /BatchExportProcessor|PeriodicExportingMetricReader/) owner = "telemetry"
  else {
    k = split($0, frame, "\n")
    for (i = 2; i <= k; i++) {
      f = frame[i]
      # OpenTelemetry's error-type filter wraps every request: it owns nothing beneath it.
      if (f ~ /HttpServerErrorTypeStartupFilter/) continue
      if (f ~ /OpenTelemetry_|System_Diagnostics_DiagnosticSource|HostingApplicationDiagnostics|Azure_Monitor/) {
        owner = "telemetry"; break
      }
      if (f ~ /Chatbot_|Sqlite|sqlite|Microsoft_AspNetCore_|System_Net_|System_Text_Json|Microsoft_Extensions_/) {
        owner = "bot"; break
      }
    }
  }
  count[owner]++
}
END { printf "samples=%d telemetry_pct=%.1f bot_pct=%.1f other_pct=%.1f\n", n,
  100 * count["telemetry"] / n, 100 * count["bot"] / n, 100 * count["other"] / n }
