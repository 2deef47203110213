-- The readers of the newsroom simulation (bench/newsroom.py), run by wrk:
--   wrk ... -s bench/newsroom.lua <url> -- PATHS FRESH SHARE
-- Each request asks for a path drawn from PATHS (sampled from the popularity, one per
-- line), or, with probability SHARE, for one of the stories published during the run
-- (FRESH, appended by the editors; the newest weighs most). Counts the page cache's
-- answers (X-Page-Cache) and prints them at the end.

local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  table.insert(threads, thread)
end

local paths, fresh = {}, {}
local fresh_file, fresh_share, asked = nil, 0, 0
hits, misses, others = 0, 0, 0

function init(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  fresh_file = args[2]
  fresh_share = tonumber(args[3])
  math.randomseed(os.time() * 1000 + id)
end

local function read_fresh()
  local file = io.open(fresh_file, "r")
  if file == nil then
    return
  end
  local list = {}
  for line in file:lines() do
    list[#list + 1] = line
  end
  file:close()
  fresh = list
end

function request()
  asked = asked + 1
  if asked % 500 == 1 then
    read_fresh()
  end
  local path
  if #fresh > 0 and math.random() < fresh_share then
    -- rank r (1 = newest) with a probability falling as 1/r, roughly
    local rank = math.floor((#fresh + 1) ^ math.random())
    path = fresh[#fresh + 1 - math.max(1, math.min(rank, #fresh))]
  else
    path = paths[math.random(#paths)]
  end
  return wrk.format(nil, path)
end

function response(status, headers, body)
  local answer = headers["X-Page-Cache"]
  if answer == "hit" then
    hits = hits + 1
  elseif answer == "miss" then
    misses = misses + 1
  else
    others = others + 1
  end
end

function done(summary, latency, requests)
  local h, m, o = 0, 0, 0
  for _, thread in ipairs(threads) do
    h = h + thread:get("hits")
    m = m + thread:get("misses")
    o = o + thread:get("others")
  end
  io.write(string.format("page-cache hits=%d misses=%d others=%d\n", h, m, o))
end
