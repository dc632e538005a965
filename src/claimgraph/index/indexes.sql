-- The indexes of the sidecar tables, made once a build has filled them (faster than keeping
-- them up to date row by row).
CREATE INDEX IF NOT EXISTS claims_order ON claims (undated, published, source, start, iri);
CREATE INDEX IF NOT EXISTS docs_claim ON docs (claim, seq);
CREATE INDEX IF NOT EXISTS claims_rank ON claims (rank);
CREATE INDEX IF NOT EXISTS labels_lower ON labels (lower);
CREATE INDEX IF NOT EXISTS labels_folded ON labels (folded);
CREATE INDEX IF NOT EXISTS labels_surname ON labels (surname) WHERE surname IS NOT NULL;
CREATE INDEX IF NOT EXISTS labels_entity ON labels (entity);
CREATE INDEX IF NOT EXISTS figures_qkey ON figures (qkey);
CREATE INDEX IF NOT EXISTS figures_whole ON figures (whole) WHERE whole IS NOT NULL;
CREATE INDEX IF NOT EXISTS appearance_words_claim ON appearance_words (claim);
CREATE INDEX IF NOT EXISTS appearance_bounds_claim ON appearance_bounds (claim);
CREATE INDEX IF NOT EXISTS claim_bounds_claim ON claim_bounds (claim);
CREATE INDEX IF NOT EXISTS quotations_claim ON quotations (claim);
CREATE INDEX IF NOT EXISTS roles_entity ON roles (entity, role);
CREATE INDEX IF NOT EXISTS roles_claim ON roles (claim);
