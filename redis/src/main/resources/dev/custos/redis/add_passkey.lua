#!lua
-- Adds a passkey to its customer's hash unless the id is there or the customer has the most.
-- Out of memory: refused before it runs (#!lua): a passkey is new state.
-- KEYS[1] the customer's passkeys. ARGV[1] the credential id; ARGV[2] the encoded credential;
-- ARGV[3] its counter; ARGV[4] its backup state (0/1); ARGV[5] the most a customer may have.
-- Each passkey is three fields (k: the credential, n: its counter, b: its backup state).
-- Returns 1 added, 0 the id is the customer's already, -1 the customer has the most.
if redis.call('HEXISTS', KEYS[1], 'k:' .. ARGV[1]) == 1 then
  return 0
end
if redis.call('HLEN', KEYS[1]) / 3 >= tonumber(ARGV[5]) then
  return -1
end
redis.call('HSET', KEYS[1], 'k:' .. ARGV[1], ARGV[2], 'n:' .. ARGV[1], ARGV[3], 'b:' .. ARGV[1], ARGV[4])
return 1
