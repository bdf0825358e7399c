#!lua
-- Stores an org API token's record and indexes it under its user, as one atomic step.
-- Out of memory: refused before it runs (no allow-oom); the caller revokes the token it minted.
-- KEYS[1] the record (string, JSON); KEYS[2] the user's index (set of ids); one hash tag.
-- ARGV: the record's JSON, its expiration (epoch ms), its id.
redis.call('SET', KEYS[1], ARGV[1], 'PXAT', ARGV[2])
redis.call('SADD', KEYS[2], ARGV[3])
-- The index lives as long as its longest-lived record.
if redis.call('PEXPIRETIME', KEYS[2]) < tonumber(ARGV[2]) then
  redis.call('PEXPIREAT', KEYS[2], ARGV[2])
end
return 1
