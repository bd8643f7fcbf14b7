-- wrk script for the votes benchmark (scripts/bench-votes). Two kinds, one wrk process each (so each has its own
-- latency histogram): "votes" sends PUT or DELETE /api/papers/{id}/vote with a bearer token, spread over users and
-- papers; "reads" walks a list of page paths (day list, paper pages). At the end it prints one line:
--   VOTES requests=N seconds=S rps=R p50_ms=A p99_ms=C max_ms=D non2xx3xx=E socket_errors=F
-- Usage: wrk -t2 -c16 -d60s --latency -s votes.lua URL -- votes TOKENS_FILE IDS_FILE
--        wrk -t2 -c16 -d60s --latency -s votes.lua URL -- reads PATHS_FILE
local kind, tokens, ids, paths = nil, {}, {}, {}
local counter = 0

local function lines(file, into)
  for line in io.lines(file) do
    if line ~= "" then into[#into + 1] = line end
  end
  if #into == 0 then error("votes.lua: nothing in " .. file) end
end

function init(args)
  kind = args[1]
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0) % 100000)
  if kind == "votes" then
    lines(args[2], tokens)
    lines(args[3], ids)
  elseif kind == "reads" then
    lines(args[2], paths)
    counter = math.random(#paths)
  else
    error("votes.lua: kind must be votes or reads, not " .. tostring(kind))
  end
end

function request()
  if kind == "reads" then
    counter = counter % #paths + 1
    return wrk.format("GET", paths[counter])
  end
  -- Two votes in three are on: counts grow and both paths (insert, delete) run.
  local method = math.random(3) == 1 and "DELETE" or "PUT"
  local headers = { ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)] }
  return wrk.format(method, "/api/papers/" .. ids[math.random(#ids)] .. "/vote", headers)
end

-- done() runs in wrk's main Lua state, where init() never ran: it knows nothing of the kind (the script labels it).
function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "VOTES requests=%d seconds=%.1f rps=%.0f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f non2xx3xx=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
