/**
 * The iopkit demo (`npm run demo`): a simulated clinic, run end to end.
 *
 * Options: --zone <IANA zone> (default America/New_York), --seed <int> (default 2026), --out <dir>.
 */
import { parseArgs } from "node:util";
import {
  addDays,
  createRng,
  createZoneClock,
  isoWeekday,
  isoWeekKey,
  toEpochDay,
  type Weekday,
} from "iopkit";

const { values } = parseArgs({
  options: {
    zone: { type: "string", default: "America/New_York" },
    seed: { type: "string", default: "2026" },
    out: { type: "string", default: "out" },
  },
});
const zone = values.zone;
const seed = Number(values.seed);

// A morning track meeting Monday, Wednesday and Friday at 09:00, for the four weeks around the
// autumn DST change: the wall clock stays at 09:00 while the UTC offset moves.
const clock = createZoneClock(zone);
const days: Weekday[] = [1, 3, 5];
const rng = createRng(seed);
console.log(`Morning track in ${zone}, 09:00 Mon/Wed/Fri, seed ${seed}\n`);
for (let week = 0; week < 4; week++) {
  const monday = addDays("2026-10-19", week * 7);
  const sessions = days.map((d) => clock.instantAt(toEpochDay(addDays(monday, d - 1)), 9 * 60));
  const testDay = rng.pick(days) ?? 1;
  console.log(
    `${isoWeekKey(monday)}  ${sessions.join("  ")}  drug test: ${["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][testDay - 1]}`,
  );
}
console.log(
  `\nweekday of 2026-11-01: ${isoWeekday("2026-11-01")} (Sunday); output folder: ${values.out}`,
);
