/**
 * The written notice that must accompany every disclosure made with a patient's Part 2 consent
 * (42 CFR 2.32(a); `cfr-42-part-2`, § 2.32 in iopkit/sources).
 *
 * Sources (registry ids): the 2018 wording of § 2.32(a)(2) — "42 CFR part 2 prohibits unauthorized
 * disclosure of these records." — is `cfr-42-part-2-2018` (83 FR 251), checked against a 2020 eCFR
 * snapshot. The 2024 rule (`cfr-42-part-2-2024`: 89 FR 12472, effective 16 Apr 2024, compliance
 * date 16 Feb 2026) renamed § 2.32 "Notice and copy of consent to accompany disclosure"; the
 * opening of its Statement 1 was read in a secondary copy of § 2.32, and the abbreviated
 * Statement 2, "42 CFR part 2 prohibits unauthorized use or disclosure of these records.", on
 * consent forms revised for the 2024 rule and in compliance code citing § 2.32(a)(2) as amended —
 * secondary sources, so the 2024 wording is still **unverified** against the eCFR: keep it
 * configurable (`canDisclose(…, { notice })`).
 */

/**
 * The abbreviated notice of the 2024 rule (42 CFR 2.32(a)(2) as amended by 89 FR 12472), the
 * default notice `canDisclose` returns. Wording from secondary sources (see the module notes):
 * unverified against the eCFR.
 */
export const part2ShortNotice =
  "42 CFR part 2 prohibits unauthorized use or disclosure of these records.";

/**
 * The abbreviated notice of the 2018 rule (42 CFR 2.32(a)(2), 83 FR 251), verified against Cornell
 * LII and the eCFR (2020). Superseded by {@link part2ShortNotice} from the 2024 rule's compliance
 * date, 16 Feb 2026; kept for disclosures dated before it and for comparison.
 */
export const part2ShortNotice2018 =
  "42 CFR part 2 prohibits unauthorized disclosure of these records.";

/**
 * The full notice of the 2024 rule ("Statement 1", 42 CFR 2.32(a)(1) as amended by 89 FR 12472).
 * Its first two sentences match a secondary copy of § 2.32; the rest (items (i)–(iii) and the last
 * sentence) comes from one secondary source only: **unverified** — check it against the eCFR
 * before printing it on a form.
 */
export const part2FullNotice =
  "This record which has been disclosed to you is protected by Federal confidentiality rules (42 CFR part 2). " +
  "These rules prohibit you from using or disclosing this record, or testimony that describes the information " +
  "contained in this record, in any civil, criminal, administrative, or legislative proceedings by any Federal, " +
  "State, or local authority, against the patient, unless authorized by the consent of the patient, except as " +
  "provided at 42 CFR 2.12(c)(5) or as authorized by a court in accordance with 42 CFR 2.64 or 2.65. " +
  "In addition, the Federal rules prohibit you from making any other use or disclosure of this record unless at " +
  "least one of the following applies: (i) Further use or disclosure is expressly permitted by the written " +
  "consent of the individual whose information is being disclosed in this record or as otherwise permitted by " +
  "42 CFR part 2. (ii) You are a covered entity or business associate and have received the record for " +
  "treatment, payment, or health care operations, or (iii) You have received the record from a covered entity " +
  "or business associate as permitted by 45 CFR part 164, subparts A and E. A general authorization for the " +
  "release of medical or other information is NOT sufficient to meet the required elements of written consent " +
  "to further use or redisclose the record (see 42 CFR 2.31).";
