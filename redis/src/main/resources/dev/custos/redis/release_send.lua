#!lua flags=allow-oom
-- Takes back the one send a start counted, after a later limit refused the start: the member the
-- start added itself (its nonce), never another start's of the same millisecond.
-- Out of memory: runs (allow-oom); it only removes, giving the window its exact count back.
-- KEYS[1] the window; ARGV[1] the nonce the send was counted under
return redis.call('ZREM', KEYS[1], ARGV[1])
