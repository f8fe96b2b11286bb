-- wrk script for tools/bench/rest.sh: GET /fhir/{Type}/{id} for ids drawn at random from the file
-- given after "--" (one "Type/id" per line), counting answers that are not 200.
local ids = {}
-- A global, not a local: done() reads each thread's count with thread:get, which sees globals only.
errors = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    if line:find("/") then
      ids[#ids + 1] = line
    end
  end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  return wrk.format("GET", "/fhir/" .. ids[math.random(#ids)], { ["Accept"] = "application/fhir+json" })
end

function response(status, headers, body)
  if status ~= 200 then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("errors")
  end
  io.write(string.format("non-200 answers: %d\n", failed))
end
