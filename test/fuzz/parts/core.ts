import fc from "fast-check";
import * as core from "iopkit/core";
import { args, n, s, type FuzzEntry } from "../entry";
import { hostileJson } from "../hostile";

export const entries: FuzzEntry[] = [
  { name: "toEpochDay", call: (x) => core.toEpochDay(s(x)) },
  { name: "toMinutes", call: (x) => core.toMinutes(s(x)) },
  { name: "toEpochMs", call: (x) => core.toEpochMs(s(x)) },
  { name: "startOfIsoWeek", call: (x) => core.startOfIsoWeek(s(x)) },
  { name: "isoWeekKey", call: (x) => core.isoWeekKey(s(x)) },
  { name: "addDays", call: (x) => core.addDays(...(args(x, 2) as [string, number])) },
  { name: "createZoneClock", call: (x) => core.createZoneClock(s(x)).format(0) },
  {
    name: "zonedInstant",
    inputs: fc.tuple(
      fc.oneof(hostileJson, fc.constant("2026-03-08")),
      fc.oneof(hostileJson, fc.constant("02:30")),
      fc.oneof(hostileJson, fc.constant("America/New_York")),
    ),
    call: (x) => core.zonedInstant(...(args(x, 3) as [string, string, string])),
  },
  {
    name: "instantToZoned",
    inputs: fc.tuple(
      fc.oneof(hostileJson, fc.constant("2026-03-09T13:00:00Z")),
      fc.oneof(hostileJson, fc.constant("Asia/Kolkata")),
    ),
    call: (x) => core.instantToZoned(...(args(x, 2) as [string, string])),
  },
  { name: "fromEpochDay", call: (x) => core.fromEpochDay(n(x)) },
  { name: "fromMinutes", call: (x) => core.fromMinutes(n(x)) },
  { name: "createRng", call: (x) => core.createRng(n(x)).next() },
  { name: "participantId", call: (x) => core.participantId(s(x)) },
  { name: "staffId", call: (x) => core.staffId(s(x)) },
];
