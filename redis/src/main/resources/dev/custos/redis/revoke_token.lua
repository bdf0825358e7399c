#!lua flags=allow-oom
-- Revokes one token until its expiry; a later expiry extends an earlier one, never the reverse.
-- Out of memory: runs (allow-oom): a revocation protects, so it is written even when full.
-- KEYS[1] the revocation; ARGV: time to live in ms
local ttl = tonumber(ARGV[1])
if ttl <= 0 then
  return 0
end
if redis.call('PTTL', KEYS[1]) < ttl then
  redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
end
return 1
