-- A person secret of a guest with an address is stored under the address's blind index (email:<hex>) rather than the
-- address; LegacySealing moves those of earlier releases, found through this index.
CREATE INDEX person_secret_plain ON person_secret (person_key) WHERE person_key LIKE '%@%';
