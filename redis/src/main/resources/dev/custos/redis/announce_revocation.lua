#!lua flags=allow-oom
-- Moves the revocation counter (the poll's fallback) and tells every subscriber, in one step.
-- Out of memory: runs (allow-oom): INCR is refused when full, and a revocation must be heard.
-- KEYS[1] the counter; ARGV: its time to live in ms, the channel
local sequence = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('PUBLISH', ARGV[2], sequence)
return sequence
