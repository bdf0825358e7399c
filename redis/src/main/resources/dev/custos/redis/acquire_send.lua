#!lua
-- Counts one send against a sliding window, or refuses it. One customer, phone or the global
-- budget per call: KEYS share one hash tag.
-- Out of memory: refused before it runs (no allow-oom): a start is new state, refused while full.
-- KEYS[1] the window (sorted set: member = nonce, score = send time in epoch ms)
-- KEYS[2] the customer's failure record (hash n, until), read only when ARGV[6] == '1'
-- ARGV: now, max, window ms, cooldown ms, nonce, check lockout (0/1)
-- Returns {decision, wait ms}: decision 'ok', 'locked', 'cooldown' or 'full'.
local now = tonumber(ARGV[1])
local max = tonumber(ARGV[2])
local window = tonumber(ARGV[3])
local cooldown = tonumber(ARGV[4])
if ARGV[6] == '1' then
  local untilv = redis.call('HGET', KEYS[2], 'until')
  if untilv == 'perm' then
    return {'locked', redis.call('PTTL', KEYS[2])}
  end
  if untilv and tonumber(untilv) > now then
    return {'locked', tonumber(untilv) - now}
  end
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', string.format('%.0f', now - window))
local count = redis.call('ZCARD', KEYS[1])
if cooldown > 0 and count > 0 then
  local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
  local wait = tonumber(last[2]) + cooldown - now
  if wait > 0 then
    return {'cooldown', wait}
  end
end
if count >= max then
  local oldest = redis.call('ZRANGE', KEYS[1], count - max, count - max, 'WITHSCORES')
  return {'full', tonumber(oldest[2]) + window - now}
end
redis.call('ZADD', KEYS[1], string.format('%.0f', now), ARGV[5])
redis.call('PEXPIRE', KEYS[1], window)
return {'ok', 0}
