-- wrk script for /api/search: each connection walks the query list from its own offset, so the
-- 8 connections send different queries at any moment. Usage:
--   wrk -t2 -c8 -d30s --latency -s search.lua http://127.0.0.1:PORT -- QUERIES_FILE MODE
local queries = {}
local mode = "hybrid"
local counter = 0

function init(args)
  for line in io.lines(args[1]) do queries[#queries + 1] = line end
  if args[2] then mode = args[2] end
  counter = math.random(#queries)
end

function request()
  counter = counter % #queries + 1
  return wrk.format("GET", "/api/search?mode=" .. mode .. "&" .. queries[counter])
end
