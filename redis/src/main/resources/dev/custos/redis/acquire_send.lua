#!lua
-- Counts one send against a sliding window, or refuses it. One customer, phone or the global
-- budget per call: KEYS share one hash tag.
-- Out of memory: refused before it runs (no allow-oom): a start is new state, refused while full.
-- KEYS[1] the window (sorted set: member = nonce, score = send time in epoch ms)
-- KEYS[2] the customer's failure record (hash n, until), read only when ARGV[6] == '1'
-- KEYS[3] the customer's challenge (hash id, tag, exp, left), only with ARGV[7..10]
-- ARGV: now, max, window ms, cooldown ms, nonce, check lockout (0/1), and optionally the start's
--       challenge (id, code tag, expiry, attempts): made pending with the send, in this one step,
--       keeping the one it replaces (pid, ptag, pexp, pleft) for withdraw_challenge.lua
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
if ARGV[7] then
  local old = redis.call('HMGET', KEYS[3], 'id', 'tag', 'exp', 'left')
  redis.call('DEL', KEYS[3])
  local exp = tonumber(ARGV[9])
  redis.call('HSET', KEYS[3], 'id', ARGV[7], 'tag', ARGV[8], 'exp', ARGV[9], 'left', ARGV[10])
  if old[1] and tonumber(old[3]) > now then
    redis.call('HSET', KEYS[3], 'pid', old[1], 'ptag', old[2], 'pexp', old[3], 'pleft', old[4])
    exp = math.max(exp, tonumber(old[3]))
  end
  redis.call('PEXPIRE', KEYS[3], string.format('%.0f', exp - now))
end
return {'ok', 0}
