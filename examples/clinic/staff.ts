/** The demo clinic's team, sized to the number of participants. */
import { parseStaff, type Program, type Staff, type StaffInput } from "iopkit";

const NAMES = {
  therapist: ["Dr. Ruth Adeyemi", "Marcus Bell", "Ingrid Sato", "Paul Mendez", "Dana Cho"],
  counsellor: ["Lena Ortiz", "Sam Whitfield", "Joy Park"],
  prescriber: ["Dr. Amir Haddad"],
  collector: ["Chris Lee", "Robin Ade"],
} as const;

/**
 * A staff team for `n` participants, each working the clinic's opening hours: a therapist per 8
 * participants (groups and individual therapy), a counsellor per 12 (family sessions, case
 * management), one prescriber (medication management) and a collector per 25 (drug tests).
 * Everyone runs at most 7 hours of sessions a day and 32 a week, with 10 minutes between
 * sessions. The ratios and limits are the demo's choice, not a staffing standard.
 */
export function staffFor(program: Program, n: number): Staff[] {
  const days = program.operatingHours.map((w) => ({
    weekday: w.weekday,
    from: w.open,
    to: w.close,
  }));
  const team = (role: keyof typeof NAMES, count: number): StaffInput[] =>
    Array.from({ length: count }, (_, i) => ({
      id: `${role}-${i + 1}`,
      name: NAMES[role][i % NAMES[role].length] ?? role,
      roles: [role],
      availability: days,
      // Limits (S15): at most 7 hours of sessions a day and 32 a week, 10 minutes between sessions.
      maxHoursPerDay: 7,
      maxHoursPerWeek: 32,
      minBreakMinutes: 10,
    }));
  return [
    ...team("therapist", Math.max(2, Math.ceil(n / 8))),
    ...team("counsellor", Math.max(2, Math.ceil(n / 12))),
    ...team("prescriber", 1),
    ...team("collector", Math.max(1, Math.ceil(n / 25))),
  ].map(parseStaff);
}
