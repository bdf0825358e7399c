#!lua flags=allow-oom
-- Deletes an org API token's record and its index entry, as one atomic step.
-- Out of memory: runs (allow-oom): it only removes, and it is part of a revocation.
-- KEYS[1] the record; KEYS[2] the user's index. ARGV[1] the id. Returns 1 if there was a record.
local deleted = redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[1])
return deleted
