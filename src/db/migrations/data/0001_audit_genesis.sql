-- The chain starts from a genesis head: sequence 0 and a hash of 32 zero bytes.
INSERT INTO "audit_head" ("id", "seq", "hash") VALUES (1, 0, decode(repeat('00', 32), 'hex'));
