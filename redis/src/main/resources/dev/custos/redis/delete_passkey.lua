#!lua flags=allow-oom
-- Deletes a passkey's three fields. Out of memory: runs (allow-oom): it only removes.
-- KEYS[1] the customer's passkeys. ARGV[1] the credential id. Returns 1 if there was one.
local deleted = redis.call('HDEL', KEYS[1], 'k:' .. ARGV[1])
redis.call('HDEL', KEYS[1], 'n:' .. ARGV[1], 'b:' .. ARGV[1])
return deleted
