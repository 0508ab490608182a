// Pack smoke test, extra check: iopkit/testing from the packed tarball, in a consumer with
// fast-check installed, generates valid records and plans schedules that pass the invariants.
// (The main entry loading without fast-check is checked by scripts/smoke-pack.mjs itself.)
export default function testingSubpath({ full, run, write }) {
  write(
    full,
    "testing.mjs",
    `import fc from "fast-check";
import { defineProgram, planSchedule } from "iopkit";
import { assertScheduleInvariants, participant, planningInput, program } from "iopkit/testing";
fc.assert(fc.property(program(), participant(), (p, q) => defineProgram(p).id === p.id && q.id.startsWith("p-")), { numRuns: 30 });
fc.assert(fc.property(planningInput({ maxParticipants: 4, maxWeeks: 2 }), (input) => { assertScheduleInvariants(planSchedule(input), input); }), { numRuns: 10 });
console.log("iopkit/testing ok from the packed tarball");
`,
  );
  process.stdout.write(run("node", ["testing.mjs"], full));
}
