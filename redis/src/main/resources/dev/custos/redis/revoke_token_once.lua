#!lua flags=allow-oom
-- Revokes one token unless it is revoked already: a single-use token's use (a payment's).
-- Out of memory: runs (allow-oom), as every revocation: a use that cannot be recorded would let
-- the token be used again.
-- KEYS[1] the revocation; ARGV: time to live in ms. Returns 1 if this call revoked it, else 0.
local ttl = tonumber(ARGV[1])
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
if ttl <= 0 then
  -- Expired already, and so refused by every verifier: no use can be made of it now.
  return 0
end
redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
return 1
