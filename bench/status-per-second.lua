-- wrk script: counts the responses by wall-clock second and status, and prints them at the end
-- as lines "per-second EPOCH_SECOND STATUS COUNT" (used by DbFaultsBench, bench/db-faults.sh).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counts = {}
end

function response(status, headers, body)
  local key = os.time() .. " " .. status
  counts[key] = (counts[key] or 0) + 1
end

function done(summary, latency, requests)
  for _, thread in ipairs(threads) do
    for key, n in pairs(thread:get("counts")) do
      io.write("per-second ", key, " ", n, "\n")
    end
  end
end
