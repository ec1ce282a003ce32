-- Finance 1.1: the decision of the States Parties that approved a budget, by its number in the meeting
-- (checked against the meetings module's decisions when it is installed) and as it is cited.
ALTER TABLE FINANCE_BUDGET ADD COLUMN SP_DECISION INTEGER;
ALTER TABLE FINANCE_BUDGET ADD COLUMN SP_DECISION_TITLE VARCHAR(300);
-- An expenditure entry may be charged to an earmarked fund, so that the report shows the fund's balance.
ALTER TABLE FINANCE_EXPENDITURE ADD COLUMN FUND VARCHAR(300);
