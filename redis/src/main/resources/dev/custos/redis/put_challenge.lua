#!lua
-- Makes a challenge the customer's pending one, replacing any earlier one.
-- Out of memory: refused before it runs (no allow-oom): a challenge is new state.
-- KEYS[1] the challenge (hash id, tag, exp, left)
-- ARGV: challenge id, code tag (both base64url), expiry (epoch ms), attempts, now
local ttl = tonumber(ARGV[3]) - tonumber(ARGV[5])
redis.call('DEL', KEYS[1])
if ttl <= 0 then
  return 0
end
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'tag', ARGV[2], 'exp', ARGV[3], 'left', ARGV[4])
redis.call('PEXPIRE', KEYS[1], string.format('%.0f', ttl))
return 1
