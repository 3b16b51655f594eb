-- wrk script for bench/load.sh: a fixed mix of reads and writes over the fixture images, and a tally
-- of every status, with 5xx split into Glance's own failures (the problem names upstream_status, or
-- is a 504: Glance did not answer in time) and glance-edge's (anything else).
local token = os.getenv("BENCH_TOKEN")
local images = {}
for id in string.gmatch(os.getenv("BENCH_IMAGES") or "", "[^,]+") do images[#images + 1] = id end

-- weight, kind: 80 % reads, 20 % writes
local mix = {
  { 20, "list" }, { 25, "image" }, { 10, "properties" }, { 10, "version" }, { 10, "resource_types" },
  { 5, "namespaces" }, { 12, "patch_properties" }, { 8, "patch_image" },
}
local wheel = {}
for _, entry in ipairs(mix) do for _ = 1, entry[1] do wheel[#wheel + 1] = entry[2] end end

local counter = 0
statuses = {}
glance_failures = 0
edge_failures = 0

local function pick_image() return images[math.random(#images)] end

request = function()
  counter = counter + 1
  local kind = wheel[math.random(#wheel)]
  local headers = { ["X-Auth-Token"] = token }
  if kind == "list" then
    return wrk.format("GET", "/api/glance/images/?paginate=true&limit=10", headers)
  elseif kind == "image" then
    return wrk.format("GET", "/api/glance/images/" .. pick_image() .. "/", headers)
  elseif kind == "properties" then
    return wrk.format("GET", "/api/glance/images/" .. pick_image() .. "/properties/", headers)
  elseif kind == "version" then
    return wrk.format("GET", "/api/glance/version/", headers)
  elseif kind == "resource_types" then
    return wrk.format("GET", "/api/glance/metadefs/resourcetypes/", headers)
  elseif kind == "namespaces" then
    return wrk.format("GET", "/api/glance/metadefs/namespaces/?resource_type=OS::Nova::Flavor&paginate=true&limit=5", headers)
  end
  headers["Content-Type"] = "application/json"
  if kind == "patch_properties" then
    local body = string.format('{"updated": {"bench_counter": "%d"}, "removed": []}', counter)
    return wrk.format("PATCH", "/api/glance/images/" .. pick_image() .. "/properties/", headers, body)
  end
  local body = string.format('{"name": "bench-load-%d", "disk_format": "qcow2", "visibility": "private", "protected": false}', counter)
  return wrk.format("PATCH", "/api/glance/images/" .. pick_image() .. "/", headers, body)
end

response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status >= 500 then
    if status == 504 or string.find(body, '"upstream_status"', 1, true) then
      glance_failures = glance_failures + 1
    else
      edge_failures = edge_failures + 1
    end
  end
end

local threads = {}
setup = function(thread) threads[#threads + 1] = thread end

done = function(summary, latency, requests)
  local merged = {}
  local glance, edge = 0, 0
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do merged[status] = (merged[status] or 0) + count end
    glance = glance + thread:get("glance_failures")
    edge = edge + thread:get("edge_failures")
  end
  local parts = {}
  for status, count in pairs(merged) do parts[#parts + 1] = status .. "=" .. count end
  table.sort(parts)
  io.write(string.format("LOAD requests=%d socket_errors=%d timeouts=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f rps=%.1f glance_5xx=%d edge_5xx=%d statuses=%s\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests / (summary.duration / 1e6), glance, edge, table.concat(parts, ",")))
end
