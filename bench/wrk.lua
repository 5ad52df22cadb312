-- wrk script: GET the paths listed in a file (one per line, argument after `--`), in turn, each thread from its own
-- offset, gzip accepted; at the end one JSON line: requests, seconds, requests/s, latency percentiles (ms) and
-- the responses that were not 2xx/3xx or failed (socket errors, timeouts).
--   wrk -t2 -c64 -d10s -s bench/wrk.lua http://127.0.0.1:PORT -- paths.txt
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  if #paths == 0 then error("no paths in " .. args[1]) end
  -- Spread the threads over the list.
  counter = math.floor(#paths * id / 2)
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter], { ["Accept-Encoding"] = "gzip" })
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,' ..
    '"non_2xx_3xx":%d,"socket_errors":%d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1e3, latency:percentile(90) / 1e3, latency:percentile(99) / 1e3, latency.max / 1e3,
    e.status, e.connect + e.read + e.write + e.timeout))
end
