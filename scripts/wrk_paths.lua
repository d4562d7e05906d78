-- wrk script for scripts/bench_load.sh: rotates through a file of request paths, one per line, so that
-- requests hit many different households instead of one cached page.
--   wrk -t THREADS ... -s scripts/wrk_paths.lua http://127.0.0.1:18090 -- PATHS_FILE [THREADS]
-- Headers given with -H (the session cookie) go into every request. Each thread starts at its own offset in the
-- list. Status codes are counted here because wrk itself counts 3xx as success, and a lost session shows up as
-- 303 redirects to /login; the last line printed is a one-line summary for the benchmark notes.

local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local requests = {}
local position = 1
ok, redirects, client_errors, server_errors = 0, 0, 0, 0

function init(args)
  local file = args[1]
  if file == nil then error("wrk_paths.lua: pass the paths file after --") end
  for line in io.lines(file) do
    if line ~= "" then requests[#requests + 1] = wrk.format("GET", line) end
  end
  if #requests == 0 then error("wrk_paths.lua: no paths in " .. file) end
  -- Spread the threads evenly over the list (id is set in setup, from 1; the thread count is the second argument).
  local nthreads = tonumber(args[2]) or 1
  position = (math.floor(#requests * ((id or 1) - 1) / nthreads) % #requests) + 1
end

function request()
  local r = requests[position]
  position = position + 1
  if position > #requests then position = 1 end
  return r
end

function response(status, headers, body)
  if status < 300 then ok = ok + 1
  elseif status < 400 then redirects = redirects + 1
  elseif status < 500 then client_errors = client_errors + 1
  else server_errors = server_errors + 1 end
end

function done(summary, latency, requests)
  local s = { ok = 0, redirects = 0, client_errors = 0, server_errors = 0 }
  for _, t in ipairs(threads) do
    for k, _ in pairs(s) do s[k] = s[k] + (t:get(k) or 0) end
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("statuses: 2xx %d, 3xx %d, 4xx %d, 5xx %d; socket errors: connect %d, read %d, write %d, timeout %d\n",
    s.ok, s.redirects, s.client_errors, s.server_errors, e.connect, e.read, e.write, e.timeout))
  io.write(string.format(
    "RESULT requests=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d timeouts=%d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, s.redirects + s.client_errors + s.server_errors, e.timeout))
end
