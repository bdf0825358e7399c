#!lua
-- Checks a code against the customer's pending challenge: lockout, expiry, constant-time tag
-- comparison, attempts, and failure counting with escalating lockouts, as one atomic step.
-- Out of memory: refused before it runs (no allow-oom), for right and wrong codes alike. And the
-- attempt is spent before the tags are compared, so no path decides before it has written.
-- KEYS[1] the challenge (hash id, tag, exp, left); KEYS[2] the failure record (hash n, until)
-- ARGV: challenge id, code tag, token expiry, now, failures per lockout, first lockout ms,
--       permanent after, memory ms, longest lockout ms
-- Returns {outcome, attempts left or wait ms[, lockout ms]}: outcome 'locked', 'expired',
-- 'notfound', 'approved', 'incorrect', 'max'; a counted failure adds how long it locked the
-- customer out (0 none, -1 until unlocked).
local now = tonumber(ARGV[4])
local untilv = redis.call('HGET', KEYS[2], 'until')
if untilv == 'perm' then
  return {'locked', redis.call('PTTL', KEYS[2])}
end
if untilv and tonumber(untilv) > now then
  return {'locked', tonumber(untilv) - now}
end
local expired = now >= tonumber(ARGV[3])
local c = redis.call('HMGET', KEYS[1], 'id', 'tag', 'exp')
if not c[1] or c[1] ~= ARGV[1] then
  if expired then
    return {'expired', 0}
  end
  return {'notfound', 0}
end
if expired or now >= tonumber(c[3]) then
  redis.call('DEL', KEYS[1])
  return {'expired', 0}
end
-- The attempt is counted first: whatever the comparison says, it has been paid for.
local left = redis.call('HINCRBY', KEYS[1], 'left', -1)
-- Every byte is compared whatever the earlier ones were: timing does not tell how much matched.
local stored, given = c[2], ARGV[2]
local diff = 0
if #stored ~= #given then
  diff = 1
end
for i = 1, #given do
  diff = bit.bor(diff, bit.bxor(string.byte(stored, i) or 0, string.byte(given, i)))
end
if diff == 0 then
  redis.call('DEL', KEYS[1], KEYS[2])
  return {'approved', 0}
end
local outcome = 'incorrect'
if left <= 0 then
  redis.call('DEL', KEYS[1])
  outcome = 'max'
end
local n = tonumber(redis.call('HGET', KEYS[2], 'n') or '0') + 1
local per = tonumber(ARGV[5])
local record = '0'
if n >= tonumber(ARGV[7]) then
  record = 'perm'
elseif n % per == 0 then
  local lock = tonumber(ARGV[6]) * 2 ^ math.min(n / per - 1, 20)
  record = string.format('%.0f', now + math.min(lock, tonumber(ARGV[9])))
end
redis.call('HSET', KEYS[2], 'n', n, 'until', record)
redis.call('PEXPIRE', KEYS[2], ARGV[8])
local locked = 0
if record == 'perm' then
  locked = -1
elseif record ~= '0' then
  locked = tonumber(record) - now
end
return {outcome, left, locked}
