/**
 * Capacity: are we allowed to deliver this, and which days can we bill? Payer authorisations and
 * utilisation review (`authorizationLedger`), Medicare IOP certification and recertification due
 * dates (`medicareCertification`), and billable per-diem days (`billableDays`). Every rule cites
 * its public source; billing output is hints for a billing system, not claims.
 * @module capacity
 */
export {
  authorizationLedger,
  authorizationStatuses,
  authorizationWarningCodes,
  type AuthorizationAccount,
  type AuthorizationLedger,
  type AuthorizationLedgerOptions,
  type AuthorizationStatus,
  type AuthorizationWarning,
  type AuthorizationWarningCode,
} from "./authorization-ledger";
export {
  billableDays,
  billingRuleSets,
  notBillableReasons,
  type BillableDay,
  type BillableDaysOptions,
  type NotBillableReason,
  type PayerBillingRules,
  type PerDiemClass,
} from "./billable-days";
export {
  medicareCertification,
  medicareCertificationSources,
  medicareIopMinimumHours,
  type MedicareCertification,
  type MedicareCertificationOptions,
  type WeekBelowMinimum,
} from "./certification";
