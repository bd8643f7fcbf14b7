-- wrk script for the hub benchmark (scripts/bench-hub): each wrk thread walks a shuffled list of paths from its
-- own random offset, one path per request, so the connections ask for different pages at any moment; at the
-- end it prints one
-- machine-readable line:
--   HUB requests=N seconds=S rps=R p50_ms=A p90_ms=B p99_ms=C max_ms=D non2xx3xx=E socket_errors=F
-- Usage: wrk -t2 -c32 -d60s --latency -s hub.lua http://127.0.0.1:PORT -- URLS_FILE
local paths = {}
local counter = 0

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  if #paths == 0 then error("hub.lua: no paths in " .. args[1]) end
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0) % 100000)
  counter = math.random(#paths)
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

function done(summary, latency, requests)
  -- wrk counts a response with status > 399 in errors.status (no response() hook: bodies stay unparsed)
  local e = summary.errors
  local bad = e.status
  local socket = e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "HUB requests=%d seconds=%.1f rps=%.0f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f non2xx3xx=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, bad, socket))
end
