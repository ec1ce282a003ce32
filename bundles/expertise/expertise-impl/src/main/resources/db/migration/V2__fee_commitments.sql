-- Expertise 1.1: a contract's fee committed on a budget line of the finance module (the finance module's
-- commitment id; the contract names the fiscal year in BUDGET_YEAR and the line in BUDGET_LINE), and a
-- contract's cancellation, which releases that commitment.
ALTER TABLE EXPERTISE_CONTRACT ADD COLUMN COMMITMENT_ID BIGINT;
ALTER TABLE EXPERTISE_CONTRACT ADD COLUMN CANCELLED_ON DATE;
ALTER TABLE EXPERTISE_CONTRACT ADD COLUMN CANCELLATION_REASON VARCHAR(300);
