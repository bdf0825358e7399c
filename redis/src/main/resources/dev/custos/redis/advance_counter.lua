#!lua
-- Records a passkey's signature counter only if it moved forward (greater, or both zero).
-- Out of memory: refused before it runs (#!lua): no assertion passes on a store that cannot write.
-- KEYS[1] the customer's passkeys. ARGV[1] the credential id; ARGV[2] the counter; ARGV[3] the
-- backup state (0/1). Returns 1 recorded, 0 not (gone, or the counter did not move forward).
local stored = redis.call('HGET', KEYS[1], 'n:' .. ARGV[1])
if not stored then
  return 0
end
stored = tonumber(stored)
local seen = tonumber(ARGV[2])
if seen > stored or (seen == 0 and stored == 0) then
  redis.call('HSET', KEYS[1], 'n:' .. ARGV[1], ARGV[2], 'b:' .. ARGV[1], ARGV[3])
  return 1
end
return 0
