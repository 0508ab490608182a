// A small valid program input to break one rule at a time in tests.
import type { ProgramInput } from "iopkit/program";

/** A one-phase, one-track adult IOP: Mon/Wed/Fri 09:00–12:00 (9 h), weekly 60-min individual. */
export function minimalProgram(): ProgramInput {
  return {
    id: "mini",
    name: "Mini IOP",
    levelOfCare: "intensive-outpatient",
    population: "adult",
    conditionsServed: ["substance-use"],
    timeZone: "America/New_York",
    operatingHours: [1, 3, 5].map((weekday) => ({
      weekday: weekday as 1 | 3 | 5,
      open: "08:00",
      close: "13:00",
    })),
    phases: [
      {
        id: "only",
        name: "Only",
        hoursPerWeek: { min: 9, max: 11 },
        weeks: { min: 8, max: 12 },
        plannedWeeks: 10,
        pattern: [1, 3, 5].map((weekday) => ({
          sessionType: "group-therapy" as const,
          weekday: weekday as 1 | 3 | 5,
          start: "09:00",
          durationMinutes: 180,
        })),
        individualEveryWeeks: 1,
        drugTestsPerWeek: { min: 1, max: 2 },
        exitCriteria: {
          minWeeks: 8,
          minAttendanceRate: 0.8,
          negativeTestsInARow: 2,
          requiresClinicianSignOff: true,
        },
      },
    ],
    lengthWeeks: { min: 8, max: 12 },
  };
}
