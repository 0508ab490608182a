// The planner's ledger (src/schedule/ledger.ts): sessions filed once, each person's calendar in
// flat tables. Reads outside the window or past a person's row must see nothing.
import { describe, expect, it } from "vitest";
import { toEpochDay, type SessionTypeId } from "iopkit";
import { clinicOf } from "../../src/schedule/clinic";
import {
  createLedger,
  fileSession,
  freeGaps,
  hasAnySession,
  holds,
  lastEndOn,
  onSite,
  personFree,
  SessionKind,
  typeCode,
  weekHours,
} from "../../src/schedule/ledger";
import { tinyProgram } from "./stages/helpers";

const clinic = clinicOf(tinyProgram(), "2026-03-02", 1);
const monday = toEpochDay("2026-03-02");
const filing = (type: SessionTypeId) => ({
  kind: SessionKind.solo,
  type,
  staff: -1,
  group: -1,
  phase: -1,
  entry: -1,
  origin: -1,
  members: undefined,
});
const slot = (day: number, startMin: number, endMin: number) => ({
  day,
  startMin,
  endMin,
  startMs: clinic.clock.localToEpochMs(day, startMin),
  endMs: clinic.clock.localToEpochMs(day, endMin),
});

describe("ledger", () => {
  const ledger = createLedger(clinic, 2);
  fileSession(ledger, filing("group-therapy"), slot(monday, 540, 720), [0, 1]);
  fileSession(ledger, filing("drug-test"), slot(monday, 720, 735), 1);

  it("files an attendance per person, and their clinical minutes per ISO week", () => {
    expect(weekHours(ledger, 0, monday)).toBe(3);
    expect(weekHours(ledger, 1, monday)).toBe(3); // a drug test is not clinical time
    expect(holds(ledger, 1, typeCode("drug-test"), monday, monday + 1)).toBe(true);
    expect(holds(ledger, 0, typeCode("drug-test"), monday, monday + 7)).toBe(false);
    expect(lastEndOn(ledger, 1, monday)).toBe(735);
  });

  it("sees nothing outside the window (never another person's row)", () => {
    expect(onSite(ledger, 1, monday)).toBe(true);
    expect(onSite(ledger, 0, monday - 1)).toBe(false);
    expect(onSite(ledger, 0, monday + 7)).toBe(false);
    expect(hasAnySession(ledger, 0)).toBe(true);
    expect(hasAnySession(createLedger(clinic, 1), 0)).toBe(false);
  });

  it("knows when a person is free, and the free gaps of their day", () => {
    expect(personFree(ledger, 0, [], slot(monday, 660, 780))).toBe(false);
    expect(personFree(ledger, 0, [], slot(monday, 720, 780))).toBe(true);
    expect(personFree(ledger, 0, [[], [[700, 800]]], slot(monday, 720, 780))).toBe(false);
    // Opening 08:00–18:00, minus 09:00–12:00 and 12:00–12:15, gaps of at least 60 minutes.
    const gaps = (n: number) => [...ledger.scratch.gaps.slice(0, n)];
    expect(gaps(freeGaps(clinic, ledger, 1, monday, undefined, 60))).toEqual([480, 540, 735, 1080]);
    expect(gaps(freeGaps(clinic, ledger, 1, monday, [[800, 900]], 61))).toEqual([
      735, 800, 900, 1080,
    ]);
  });
});
