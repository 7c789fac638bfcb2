-- wrk script: GET /v2/<repo>/manifests/<tag> (the path comes from wrk's URL argument).
-- Used by registry-bench.sh as a cross-check of the HEAD figure (wrk cannot do
-- HEAD: see headload.c). The Authorization header, when the peer needs one,
-- comes from BENCH_AUTH_HEADER ("Authorization: Bearer ...").
wrk.method = "GET"
wrk.headers["Accept"] = os.getenv("BENCH_ACCEPT") or "application/vnd.oci.image.manifest.v1+json"

local auth = os.getenv("BENCH_AUTH_HEADER")
if auth ~= nil and auth ~= "" then
  local name, value = auth:match("^%s*([^:]+):%s*(.*)$")
  if name ~= nil then wrk.headers[name] = value end
end

-- wrk's own "Non-2xx or 3xx responses" counts status >= 400 only; the script
-- checks the answer before and after the run, and this line gives the counts
-- in one machine-readable place.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "WRK_RESULT requests=%d duration_us=%d status_errors=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout))
end
