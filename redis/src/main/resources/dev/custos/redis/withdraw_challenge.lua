#!lua flags=allow-oom
-- Takes back a start's challenge whose code was not delivered: if it is still the pending one, the
-- challenge it replaced (kept by acquire_send.lua) is pending again until its own expiry.
-- A later start's challenge is left alone.
-- Out of memory: runs (allow-oom): it only ever shrinks the customer's state, and brings back the
-- challenge whose code the customer holds.
-- KEYS[1] the challenge (hash id, tag, exp, left, and pid, ptag, pexp, pleft)
-- ARGV: the abandoned challenge's id (base64url), now
-- Returns 1 if the challenge was taken back, else 0.
local c = redis.call('HMGET', KEYS[1], 'id', 'pid', 'ptag', 'pexp', 'pleft')
if c[1] ~= ARGV[1] then
  return 0
end
redis.call('DEL', KEYS[1])
local now = tonumber(ARGV[2])
if c[2] and tonumber(c[4]) > now then
  redis.call('HSET', KEYS[1], 'id', c[2], 'tag', c[3], 'exp', c[4], 'left', c[5])
  redis.call('PEXPIRE', KEYS[1], string.format('%.0f', tonumber(c[4]) - now))
end
return 1
