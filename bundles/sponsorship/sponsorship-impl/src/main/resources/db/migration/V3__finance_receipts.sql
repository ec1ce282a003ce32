-- Sponsorship, version 3 (module 1.1.0): a fund may name the purpose of the finance module's earmarked
-- contributions; their receipts are copied into the fund's receipts (FINANCE_RECEIPT_ID says which), so
-- the fund keeps them when the finance module is uninstalled.
ALTER TABLE SPONSORSHIP_FUND ADD COLUMN FINANCE_PURPOSE VARCHAR(300);
ALTER TABLE SPONSORSHIP_RECEIPT ADD COLUMN FINANCE_RECEIPT_ID BIGINT;
CREATE INDEX SPONSORSHIP_RECEIPT_FINANCE ON SPONSORSHIP_RECEIPT (FINANCE_RECEIPT_ID);
