#!lua flags=allow-oom
-- Revokes a customer's tokens issued before a cutoff; a later cutoff replaces an earlier one,
-- never the reverse, and the longer time to live wins.
-- Out of memory: runs (allow-oom): a revocation protects, so it is written even when full.
-- KEYS[1] the cutoff (epoch ms); ARGV: cutoff, time to live in ms
local cutoff = tonumber(ARGV[1])
local ttl = tonumber(ARGV[2])
if ttl <= 0 then
  return 0
end
local current = tonumber(redis.call('GET', KEYS[1]) or '-1')
if cutoff > current then
  local keep = math.max(ttl, redis.call('PTTL', KEYS[1]))
  redis.call('SET', KEYS[1], ARGV[1], 'PX', string.format('%.0f', keep))
elseif redis.call('PTTL', KEYS[1]) < ttl then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 1
