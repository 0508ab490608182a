// Local dates and times → ISO instants in America/New_York, across the 2026-11-01 DST change:
// 360,000 conversions (the size of 10,000 participants × 12 weeks × 3 sessions).
import { DateTime } from "luxon";
import {
  civilFromDays,
  createZoneClock,
  formatInstant,
  fromMinutes,
  toEpochDay,
} from "../src/core/index";
import type { Bench } from "./harness";

const zone = "America/New_York";
const first = toEpochDay("2026-09-28");
const N = 360_000;
const days = new Int32Array(N);
const minutes = new Int32Array(N);
for (let i = 0; i < N; i++) {
  days[i] = first + (i % 84); // 12 weeks
  minutes[i] = 9 * 60 + (i % 3) * 60 + 18 * 60 * (i % 2); // 09:00–11:00 and 18:00–20:00 tracks
}

// The lower bound knows the answer's parts in advance: per-day date and offset strings and a
// per-minute time string, all built outside the timed loop, so it only does the integer epoch
// arithmetic and one concatenation per instant.
const clockForTable = createZoneClock(zone);
const offsetByDay = new Int32Array(84);
const prefixByDay: string[] = [];
const suffixByDay: string[] = [];
for (let d = 0; d < 84; d++) {
  const t = clockForTable.localToEpochMs(first + d, 12 * 60);
  offsetByDay[d] = clockForTable.offsetAt(t);
  const text = formatInstant(t, offsetByDay[d] ?? 0);
  prefixByDay.push(text.slice(0, 10));
  suffixByDay.push(text.slice(23));
}
const timeByMinute = Array.from({ length: 1440 }, (_, m) => `T${fromMinutes(m)}:00.000`);

export default {
  name: "zone clock",
  workload:
    "360,000 local (date, time) → ISO instant strings in America/New_York across a DST change",
  units: N,
  unitName: "instant",
  subject: {
    name: "iopkit",
    run: () => {
      const clock = createZoneClock(zone);
      let total = 0;
      for (let i = 0; i < N; i++) total += clock.instantAt(days[i] ?? 0, minutes[i] ?? 0).length;
      return total;
    },
  },
  lowerBound: {
    name: "integers",
    run: () => {
      let total = 0;
      for (let i = 0; i < N; i++) {
        const d = (days[i] ?? 0) - first;
        const m = minutes[i] ?? 0;
        const ms = (d + first) * 86_400_000 + (m - (offsetByDay[d] ?? 0)) * 60_000;
        total +=
          ms > 0
            ? ((prefixByDay[d] ?? "") + (timeByMinute[m] ?? "") + (suffixByDay[d] ?? "")).length
            : 0;
      }
      return total;
    },
  },
  baselines: [
    {
      name: "luxon",
      units: N / 20,
      run: () => {
        let total = 0;
        for (let i = 0; i < N / 20; i++) {
          const { year, month, day } = civilFromDays(days[i] ?? 0);
          const m = minutes[i] ?? 0;
          total += (
            DateTime.fromObject(
              { year, month, day, hour: Math.floor(m / 60), minute: m % 60 },
              { zone },
            ).toISO() ?? ""
          ).length;
        }
        return total;
      },
    },
  ],
  goals: { maxRatioToLowerBound: 10, minSpeedupOver: { luxon: 50 } },
} satisfies Bench;
