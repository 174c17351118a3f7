-- wrk script for scripts/bench-api.sh: cycles through the request paths in
-- the file given after `--`, and prints latency percentiles and errors.
local paths = {}
local n = 0

init = function(args)
  for line in io.lines(args[1]) do
    if #line > 0 then table.insert(paths, line) end
  end
  n = math.random(#paths)
end

request = function()
  n = n % #paths + 1
  return wrk.format("GET", paths[n])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("requests: %d in %.1f s (%.0f/s); errors: connect %d, read %d, write %d, timeout %d, non-2xx %d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    e.connect, e.read, e.write, e.timeout, e.status))
  for _, p in ipairs({50, 90, 95, 99}) do
    io.write(string.format("p%d: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("max: %.2f ms\n", latency.max / 1000))
end
