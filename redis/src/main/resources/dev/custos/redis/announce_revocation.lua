-- Moves the revocation counter (the poll's fallback) and tells every subscriber, in one step.
-- KEYS[1] the counter; ARGV: its time to live in ms, the channel
local sequence = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('PUBLISH', ARGV[2], sequence)
return sequence
