// The per-diem rule sets are data an app bills from: every code, label, hour and service threshold,
// what is counted and what is not, and the public source of each, stated here in full so that a
// changed code, a dropped source or a moved threshold fails a test (CMS HCPCS H0015 and S9480; CY
// 2024 OPPS final rule and the MACs' Medicare IOP articles for the daily classes and condition code 92).
import { describe, expect, it } from "vitest";
import { billingRuleSets } from "iopkit/capacity";

describe("billingRuleSets", () => {
  it("states every code, threshold, exclusion and source", () => {
    expect(billingRuleSets).toMatchInlineSnapshot(`
      {
        "medicareIop": {
          "id": "medicare-iop",
          "label": "Medicare IOP daily payment classes (CY 2024 OPPS)",
          "notCounted": [
            "alumni-group",
            "meal-support",
          ],
          "perDiem": [
            {
              "code": "medicare-iop-4-or-more",
              "conditionCode": "92",
              "label": "Medicare IOP day with 4 or more services",
              "minServices": 4,
              "sources": [
                {
                  "source": "fcso-medicare-iop-2024",
                },
                {
                  "source": "noridian-medicare-iop",
                },
                {
                  "source": "cgs-medicare-iop-2024",
                },
                {
                  "source": "cms-opps-2024-final-rule",
                },
              ],
            },
            {
              "code": "medicare-iop-3",
              "conditionCode": "92",
              "label": "Medicare IOP day with 3 services",
              "minServices": 3,
              "sources": [
                {
                  "source": "fcso-medicare-iop-2024",
                },
                {
                  "source": "noridian-medicare-iop",
                },
                {
                  "source": "cgs-medicare-iop-2024",
                },
                {
                  "source": "cms-opps-2024-final-rule",
                },
              ],
            },
          ],
          "separate": [
            "drug-test",
          ],
          "sources": [
            {
              "source": "cms-mln-mm13222",
            },
            {
              "unverified": "one attended session is counted as one service; Medicare counts the day's qualifying service lines (HCPCS with units): map sessions to service lines in the billing system",
            },
            {
              "unverified": "drug-test collections are listed as billed separately (a laboratory service, not a session of the day): check the payer's rule",
            },
            {
              "unverified": "alumni groups (aftercare) and supported meals are not counted as IOP services of the day (Medicare excludes programs primarily social, recreational or diversionary; CY 2024 OPPS final rule): check the payer's rule",
            },
          ],
        },
        "psychiatricIop": {
          "id": "psychiatric-iop-s9480",
          "label": "Psychiatric IOP per diem (HCPCS S9480)",
          "notCounted": [
            "alumni-group",
            "meal-support",
          ],
          "perDiem": [
            {
              "code": "S9480",
              "label": "Intensive outpatient psychiatric services, per diem",
              "sources": [
                {
                  "section": "S9480",
                  "source": "cms-hcpcs",
                },
              ],
            },
          ],
          "separate": [
            "drug-test",
          ],
          "sources": [
            {
              "section": "Intensive Outpatient Program (IOP)",
              "source": "bcbsnd-bh-reimbursement",
            },
            {
              "source": "bcbsne-rp-pi-002",
            },
            {
              "unverified": "drug-test collections are listed as billed separately (a laboratory service, not a session of the day): check the payer's rule",
            },
            {
              "unverified": "alumni groups (aftercare) and supported meals are not counted as IOP services of the day (Medicare excludes programs primarily social, recreational or diversionary; CY 2024 OPPS final rule): check the payer's rule",
            },
          ],
        },
        "sudIop": {
          "id": "sud-iop-h0015",
          "label": "Substance-use IOP per diem (HCPCS H0015)",
          "notCounted": [
            "alumni-group",
            "meal-support",
          ],
          "perDiem": [
            {
              "code": "H0015",
              "label": "Alcohol and/or drug services; intensive outpatient",
              "minHours": 3,
              "sources": [
                {
                  "section": "H0015",
                  "source": "cms-hcpcs",
                },
                {
                  "unverified": "H0015's descriptor says the program operates at least 3 hours a day and 3 days a week; that a participant's day needs 3 attended hours is a common payer reading, not the descriptor: set the payer's own minimum",
                },
              ],
            },
          ],
          "separate": [
            "drug-test",
          ],
          "sources": [
            {
              "section": "Intensive Outpatient Program (IOP)",
              "source": "bcbsnd-bh-reimbursement",
            },
            {
              "source": "bcbsne-rp-pi-002",
            },
            {
              "unverified": "drug-test collections are listed as billed separately (a laboratory service, not a session of the day): check the payer's rule",
            },
            {
              "unverified": "alumni groups (aftercare) and supported meals are not counted as IOP services of the day (Medicare excludes programs primarily social, recreational or diversionary; CY 2024 OPPS final rule): check the payer's rule",
            },
          ],
        },
      }
    `);
  });
});
