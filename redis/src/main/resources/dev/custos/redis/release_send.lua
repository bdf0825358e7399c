-- Takes back one send counted at ARGV[1] (epoch ms) after a later limit refused the start.
-- KEYS[1] the window
local m = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1], 'LIMIT', 0, 1)
if m[1] then
  redis.call('ZREM', KEYS[1], m[1])
end
return 0
