-- cosign's tag-scheme signatures: an image manifest pushed under the tag sha256-<subject hex>.sig is an
-- accessory (signature.cosign) of that subject in the same repository, as Harbor records it. Kept apart from
-- subject_digest because it is no OCI referrer: the referrers API must not list it.
ALTER TABLE artifact ADD COLUMN signature_of VARCHAR(255) ${bin};
CREATE INDEX ix_artifact_signature_of ON artifact (repository_id, signature_of);
